// Reached as `$lib/track` (SvelteKit: `src/lib`).
export function track(value) {
  window.fbq('trackCustom', 'Signup', { value }); // expect: email meta-pixel
}
