// Thin wrapper so page scripts fire one event to every ad and analytics tool we run.
// GA4 measurement id G-7QX2PL0R5M and Meta pixel 731994520118327 are loaded by the page snippets.

export function trackEvent(name, props) {
  gtag('event', name, props); // expect: tracking-number google-tag
  fbq('trackCustom', name, props); // expect: tracking-number meta-pixel
}

export function trackPageView(pageType) {
  trackEvent('page_view_custom', { page_type: pageType });
}

// Order-status page: /orders/status?tracking_number=9400111201080805483016
export function trackShipmentStatus() {
  const params = new URLSearchParams(window.location.search);
  const trackingNumber = params.get('tracking_number');
  trackEvent('shipment_status_viewed', { carrier: 'USPS', tracking_number: trackingNumber });
}

if (document.body.classList.contains('order-status')) {
  trackShipmentStatus();
}
