// Freshchat: identify the logged-in user in the web messenger.
function initFreshChat(user) {
  window.fcWidget.init({
    token: 'WEB_CHAT_TOKEN',
    host: 'https://wchat.freshchat.com',
    externalId: user.id,
  });
  window.fcWidget.user.setEmail(user.email); // expect: email freshchat
  window.fcWidget.user.setFirstName(user.firstName); // expect: name freshchat
  window.fcWidget.user.setProperties({ plan: user.plan, phone: user.phone }); // expect: phone freshchat
}
