// Qualaroo calls that carry no personal data: user ids and plan properties.
var _kiq = _kiq || [];
_kiq.push(['identify', session.user.id]);
_kiq.push(['set', { plan: session.plan, trial: session.inTrial }]);
