// Qualaroo surveys: attach the signed-in visitor to their answers.
var _kiq = _kiq || [];

export function identifySurveyRespondent(session) {
  _kiq.push(['identify', session.user.email]); // expect: email qualaroo
  _kiq.push(['set', { plan: session.plan, 'Full name': session.user.fullName }]); // expect: name qualaroo
}
