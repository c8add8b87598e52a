// Sign-up: identify the new person to Kissmetrics, then record the event.
var _kmq = _kmq || [];

document.getElementById('signup-form').addEventListener('submit', function () {
  var email = document.getElementById('email').value;
  _kmq.push(['identify', email]); // expect: email kissmetrics
  _kmq.push(['set', { 'Signup Source': 'Website', Phone: document.getElementById('phone').value }]); // expect: phone kissmetrics
  _kmq.push(['record', 'Signed Up', { plan: 'free' }]);
});
