// Chat: tell Drift who the signed-in user is.
export function onLogin(user) {
  drift.identify(user.id, { email: user.email, name: user.displayName }); // expect: email drift, name drift
}

export function onPhoneSaved() {
  const phone = document.querySelector('input[name="phone"]').value;
  window.drift.api.setUserAttributes({ phone }); // expect: phone drift
}
