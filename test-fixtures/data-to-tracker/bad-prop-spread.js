// Advanced matching built once, then spread into the init call.
const PIXEL_ID = '731994520118327';
const emailField = document.querySelector('#newsletter-email');

document.querySelector('#newsletter-submit').addEventListener('click', () => {
  const matchData = { em: emailField.value };
  const base = { country: 'us' };
  fbq('init', PIXEL_ID, { ...base, ...matchData }); // expect: email meta-pixel
});
