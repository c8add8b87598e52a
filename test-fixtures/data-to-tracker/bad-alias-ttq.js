// The TikTok queue is kept in a short local alias.
const t = window.ttq;
const emailEl = document.querySelector('input[type="email"]');

document.querySelector('#create-account').addEventListener('click', () => {
  t.identify({ email: emailEl.value }); // expect: email tiktok-pixel
  t.track('CompleteRegistration');
});
