// Sign-up page: the pixel is re-initialised with advanced matching once the visitor registers.
const PIXEL_ID = '731994520118327';

document.getElementById('signup-submit').addEventListener('click', () => {
  const email = document.getElementById('email').value;
  fbq('init', PIXEL_ID, { em: email }); // expect: email meta-pixel
  fbq('track', 'CompleteRegistration', { status: true });
});
