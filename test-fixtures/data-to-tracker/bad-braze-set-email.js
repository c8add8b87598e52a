// Braze: copy the profile into the Braze user after login.
import * as braze from '@braze/web-sdk';

export function onLogin(user) {
  braze.changeUser(user.id);
  braze.getUser().setEmail(user.email); // expect: email braze
  braze.getUser().setFirstName(user.firstName); // expect: name braze
  braze.logCustomEvent('logged_in');
}
