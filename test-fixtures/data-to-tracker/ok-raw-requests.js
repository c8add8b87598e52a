// Requests that are not beacons to trackers, or beacons that carry nothing personal.
const email = document.querySelector('input[type=email]').value;

fetch('/api/newsletter', { method: 'POST', body: JSON.stringify({ email }) });
navigator.sendBeacon('/analytics/internal', JSON.stringify({ email }));
new Image().src = 'https://www.facebook.com/tr?id=123&ev=PageView&noscript=1';
const logo = new Image();
logo.src = '/img/logo.png?v=' + Date.now();
