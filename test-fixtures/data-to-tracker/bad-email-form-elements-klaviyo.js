// Account creation: identify the new profile in Klaviyo straight from the form.
const form = document.getElementById('signup-form');

form.addEventListener('submit', () => {
  klaviyo.identify({ email: form.elements.email.value }); // expect: email klaviyo
  klaviyo.track('Account Created', { source: 'signup_page' });
});
