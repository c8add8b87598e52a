// SMS opt-in form: Snap pixel initialised with the phone the visitor typed.
const SNAP_PIXEL_ID = '4f1b3c2e-9a7d-4c1e-8b62-0d5a9e3f7c11';

document.getElementById('sms-optin').addEventListener('submit', () => {
  const phone = document.getElementsByName('phone')[0].value;
  snaptr('init', SNAP_PIXEL_ID, { user_phone_number: phone }); // expect: phone snap-pixel
  snaptr('track', 'SIGN_UP');
});
