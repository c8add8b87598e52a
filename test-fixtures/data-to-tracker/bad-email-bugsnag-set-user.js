// Error monitoring: tag BugSnag reports with the signed-in user.
import Bugsnag from '@bugsnag/js';

Bugsnag.start({ apiKey: 'c9d60ae4c7e70c4b6c4ebd3e8056d2b8' });

export function onLogin(user) {
  Bugsnag.setUser(user.id, user.email, user.name); // expect: email bugsnag, name bugsnag
  Bugsnag.addMetadata('account', { plan: user.plan, phone: user.phoneNumber }); // expect: phone bugsnag
}

// The v6 snippet keeps its client on window.
window.bugsnagClient.user = { id: currentUser.id, email: document.getElementById('email').value }; // expect: email bugsnag
