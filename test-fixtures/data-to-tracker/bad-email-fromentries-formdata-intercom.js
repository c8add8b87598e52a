// Trial sign-up: the whole form is turned into an object, then the email goes to Intercom.
const form = document.getElementById('trial-form');

form.addEventListener('submit', () => {
  const values = Object.fromEntries(new FormData(form));
  Intercom('update', { email: values.email, plan: 'trial' }); // expect: email intercom
});
