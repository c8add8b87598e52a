// Order confirmation: Google Ads enhanced conversions via the config command (an AW- id: Google Ads, not GA4).
const order = window.__CHECKOUT__.order;

gtag('config', 'AW-10987654321', { // expect: phone google-ads
  send_page_view: false,
  user_data: {
    phone_number: order.billing.phone,
  },
});
gtag('event', 'conversion', { send_to: 'AW-10987654321/aB3dE', value: order.total, currency: 'USD' });
