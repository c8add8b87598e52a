// Newsletter field: TikTok advanced matching as soon as the field changes.
const emailInput = document.getElementById('email');

emailInput.addEventListener('change', (e) => {
  ttq.identify({ email: e.target.value }); // expect: email tiktok-pixel
  ttq.track('SubmitForm');
});
