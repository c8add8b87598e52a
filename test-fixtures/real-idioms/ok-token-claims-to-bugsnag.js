// A decoded token's claims and metadata are not the token: the opaque `sub` claim as a user id
// is no credential leak.
export async function onLogin(currentUser) {
  bugsnagClient.user = {
    id: currentUser.idToken.payload['sub'] ? currentUser.idToken.payload['sub'] : '',
  };
  Sentry.setContext('session', { expires: currentUser.accessToken.expiresAt });
}
