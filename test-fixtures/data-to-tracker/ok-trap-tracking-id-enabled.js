// Analytics bootstrap: "tracking" settings are about analytics, not parcels.
const { trackingId, trackingEnabled } = window.siteConfig;
const config = window.siteConfig;

if (trackingEnabled) {
  gtag('config', trackingId, { send_page_view: true });
  dataLayer.push({ event: 'config_loaded', tracking_id: config.tracking_id, tracking_enabled: trackingEnabled });
}
