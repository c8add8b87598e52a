// Google Ads enhanced conversions, fed from the login form.
const loginForm = document.querySelector('#login');

loginForm.addEventListener('submit', () => {
  const email = document.querySelector('#email').value;
  gtag('set', 'user_data', { email: email }); // expect: email google-tag
  gtag('event', 'login', { method: 'password' });
});
