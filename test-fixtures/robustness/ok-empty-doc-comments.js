/**/
/***/ function track(u) { fbq('track', 'PageView'); }
/** @param {Customer} */
/**
export function f() {}
