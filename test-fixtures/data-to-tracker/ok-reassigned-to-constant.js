// Privacy review fix: the value is replaced by a constant before the pixel sees it.
const emailField = document.getElementById('email');

document.getElementById('signup-form').addEventListener('submit', () => {
  let e = emailField.value;
  e = 'anonymous';
  fbq('trackCustom', 'NewsletterSignup', { match_key: e });
});
