// Woopra: identify the visitor from the newsletter form, then track the sign-up.
document.getElementById('newsletter').addEventListener('submit', function () {
  woopra.identify({ email: document.getElementById('email').value, name: document.getElementById('name').value }); // expect: email woopra, name woopra
  woopra.track('newsletter_signup', { source: 'footer' });
});
