// Reached as `@analytics/track` through `paths` of an `extends` array.
export function track(value) {
  window.fbq('trackCustom', 'Signup', { value }); // expect: email meta-pixel
}
