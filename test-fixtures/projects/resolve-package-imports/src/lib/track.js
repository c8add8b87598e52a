// Reached as `#lib/track` through package.json `imports`.
export function track(value) {
  window.fbq('trackCustom', 'Signup', { value }); // expect: email meta-pixel
}
