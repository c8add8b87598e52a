// Age-gated sign-up: the birth date is added to Meta advanced matching.
const PIXEL_ID = '731994520118327';
const dobInput = document.querySelector('input[autocomplete="bday"]');

document.getElementById('age-gate').addEventListener('submit', () => {
  fbq('init', PIXEL_ID, { db: dobInput.value }); // expect: birthdate meta-pixel
  fbq('track', 'CompleteRegistration');
});
