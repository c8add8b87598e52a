// Reached as `@acme/analytics`: its `main` points into an unbuilt `dist/`.
export function track(value) {
  window.fbq('trackCustom', 'Signup', { value }); // expect: email meta-pixel
}
