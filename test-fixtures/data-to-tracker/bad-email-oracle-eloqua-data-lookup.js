// Eloqua web data lookup by the visitor's email address, after the newsletter form.
var _elqQ = _elqQ || [];
_elqQ.push(['elqSetSiteId', '123456789']);
_elqQ.push(['elqTrackPageView']);

document.querySelector('#newsletter').addEventListener('submit', function () {
  var email = document.querySelector('input[name="email"]').value;
  _elqQ.push(['elqDataLookup', escape('a1b2c3d4e5'), '<C_EmailAddress>' + email + '</C_EmailAddress>']); // expect: email oracle-eloqua
});
