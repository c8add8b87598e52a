// Reached as `Tracking/pixel` through webpack `resolve.alias`.
export function track(value) {
  window.fbq('trackCustom', 'Signup', { value }); // expect: email meta-pixel
}
