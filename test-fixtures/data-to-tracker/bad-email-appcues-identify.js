// Product tours: identify the user to Appcues with their profile.
export function identifyAppcues(user) {
  window.Appcues.identify(user.id, { email: user.email, role: user.role }); // expect: email appcues
  Appcues.track('Address saved', { street: document.getElementById('street-address').value }); // expect: address appcues
}
