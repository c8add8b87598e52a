// Reached as `$analytics/identify` through `kit.alias`.
export function identify(value) {
  window.fbq('trackCustom', 'Account', { account: value }); // expect: email meta-pixel
}
