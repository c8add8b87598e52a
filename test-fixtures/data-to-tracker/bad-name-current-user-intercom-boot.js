// Boot the Intercom messenger for the signed-in user.
const currentUser = window.APP_STATE.currentUser;

Intercom('boot', { // expect: name intercom
  app_id: 'k3v9q2hz',
  user_id: currentUser.id,
  name: currentUser.name,
  created_at: currentUser.createdAt,
});
