// Reached as `~/utils/track`: Nuxt's `~` is its `srcDir`.
export function track(value) {
  window.fbq('trackCustom', 'Signup', { value }); // expect: email meta-pixel
}
