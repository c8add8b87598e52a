// Reached as `@acme/tracking/meta` through the package's `exports["./*"]`.
export function track(value) {
  window.fbq('trackCustom', 'Signup', { value }); // expect: email meta-pixel
}
