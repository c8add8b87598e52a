// One source read, two keys: the email is both the match key and the external id.
const PIXEL_ID = '731994520118327';

document.getElementById('signup-form').addEventListener('submit', () => {
  const email = document.getElementById('email').value.toLowerCase();
  fbq('init', PIXEL_ID, { em: email, external_id: email }); // expect: email meta-pixel, email meta-pixel
  fbq('track', 'Lead');
});
