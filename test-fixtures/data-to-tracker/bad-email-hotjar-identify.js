// Hotjar user attributes for the signed-in user.
const user = window.currentSession.user;

if (user) {
  hj('identify', user.id, { // expect: email hotjar
    email: user.email,
    plan: user.plan,
  });
}
