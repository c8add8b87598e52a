// Freshchat calls that carry no personal data: the widget token, user ids, plans.
function initFreshChat(user) {
  window.fcWidget.init({ token: 'WEB_CHAT_TOKEN', host: 'https://wchat.freshchat.com', externalId: user.id });
  window.fcWidget.setExternalId(user.id);
  window.fcWidget.user.setProperties({ plan: user.plan, cf_seats: user.seats });
  window.fcWidget.open();
}
