// The token itself is a credential: sending it to a monitoring SDK leaks it.
export async function onLogin(currentUser) {
  bugsnagClient.user = { id: currentUser.idToken.jwtToken }; // expect: credentials bugsnag
  Sentry.setContext('session', { token: currentUser.accessToken }); // expect: credentials sentry
}
