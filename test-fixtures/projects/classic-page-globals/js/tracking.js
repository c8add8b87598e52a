// A classic script: its functions are page globals.
function trackSignup(email, plan) {
  fbq('track', 'CompleteRegistration', { em: email, plan: plan }); // expect: email meta-pixel
}

function trackPage(path) {
  fbq('track', 'PageView', { path: path });
}
