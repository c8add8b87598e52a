// The TikTok pixel may be blocked: the call is optional-chained.
const phoneField = document.querySelector('input[type="tel"]');

document.getElementById('request-callback').addEventListener('click', () => {
  window.ttq?.identify({ phone_number: phoneField.value }); // expect: phone tiktok-pixel
  window.ttq?.track('Contact');
});
