// Containers that only ever hold counts, ids and literals stay quiet, and methods of the same
// names on elements, SDKs and storage are not container writes.
function counters() {
  var email = document.getElementById('email').value;
  var sizes = [];
  sizes.push(email.length);
  sizes.unshift(42);
  analytics.track('Sizes', { sizes: sizes });

  var flags = new Set();
  flags.add(email.includes('@'));
  mixpanel.track('Flags', { flags: flags });

  var query = new URLSearchParams();
  query.set('plan', 'pro');
  query.append('step', String(2));
  navigator.sendBeacon('https://www.facebook.com/tr?id=1&ev=Lead&' + query.toString());

  var map = new OTMap();
  map.put('page', location.pathname);
  OTLogService.sendEvent('Page', map);

  document.getElementById('email').setAttribute('data-seen', 'yes');
  localStorage.setItem('draft', email);
}
