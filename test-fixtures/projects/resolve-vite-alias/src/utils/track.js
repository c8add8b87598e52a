// Reached as `@utils/track` through vite `resolve.alias`.
export function track(value) {
  window.fbq('trackCustom', 'Signup', { value }); // expect: email meta-pixel
}
