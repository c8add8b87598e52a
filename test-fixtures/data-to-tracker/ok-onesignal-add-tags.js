// OneSignal calls that carry no personal data: the app id, user ids, tags about the plan.
window.OneSignalDeferred = window.OneSignalDeferred || [];

OneSignalDeferred.push(async function (OneSignal) {
  await OneSignal.init({ appId: 'ONESIGNAL_APP_ID' });
  OneSignal.login(currentUser.id);
  OneSignal.User.addTags({ plan: currentUser.plan, lang: navigator.language });
  OneSignal.User.addTag('cart_items', String(cart.items.length));
});
