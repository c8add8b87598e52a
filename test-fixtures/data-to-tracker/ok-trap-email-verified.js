// Identify call with account metadata only: verification flags are not the address.
const user = window.currentSession.user;

analytics.identify(user.id, {
  emailVerified: user.emailVerified,
  plan: user.plan,
  createdAt: user.createdAt,
});
