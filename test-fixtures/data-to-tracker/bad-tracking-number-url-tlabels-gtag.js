// Package tracking page: /track?tLabels=9400111201080805483016 (the USPS pattern).
const url = new URL(location.href);
const label = url.searchParams.get('tLabels');

if (label) {
  gtag('event', 'track_package', { // expect: tracking-number google-tag
    tracking_label: label,
    results: document.querySelectorAll('.tracking-result').length,
  });
}
