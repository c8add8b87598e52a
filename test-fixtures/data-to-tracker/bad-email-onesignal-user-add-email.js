// Web push: subscribe the signed-in customer to email and SMS as well.
window.OneSignalDeferred = window.OneSignalDeferred || [];

OneSignalDeferred.push(async function (OneSignal) {
  await OneSignal.init({ appId: 'ONESIGNAL_APP_ID' });
  OneSignal.User.addEmail(document.getElementById('email').value); // expect: email onesignal
  OneSignal.User.addSms(document.getElementById('phone').value); // expect: phone onesignal
});
