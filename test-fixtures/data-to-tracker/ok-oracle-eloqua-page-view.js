// Eloqua page-view tracking with the site id only.
var _elqQ = _elqQ || [];
_elqQ.push(['elqSetSiteId', '123456789']);
_elqQ.push(['elqUseFirstPartyCookie', 'tracking.example.com']);
_elqQ.push(['elqTrackPageView', window.location.origin + '/pricing']);
