// Advanced matching added after init, through fbq('set', 'userData').
const PIXEL_ID = '731994520118327';
window.fbq('init', PIXEL_ID);

document.getElementById('phone').addEventListener('blur', (event) => {
  const ph = event.target.value;
  window.fbq('set', 'userData', { ph: ph }); // expect: phone meta-pixel
});
