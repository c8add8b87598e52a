// Checkout page: order placement and ad-platform conversion events.
import { trackEvent } from './analytics.js';

const SNAP_PIXEL_ID = '4f1b3c2e-9a7d-4c1e-8b62-0d5a9e3f7c11';
const form = document.getElementById('checkout-form');

snaptr('init', SNAP_PIXEL_ID);
snaptr('track', 'PAGE_VIEW');
gtag('event', 'begin_checkout', { currency: 'USD' });

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await fetch('/api/orders', { method: 'POST', body: new FormData(form) });
  const order = await response.json();

  gtag('event', 'purchase', { transaction_id: order.id, value: order.total, currency: 'USD' });
  fbq('track', 'Purchase', { value: order.total, currency: 'USD', content_ids: order.skus });
  trackEvent('order_placed', { order_id: order.id });

  // Snap's "advanced matching" was enabled by hand: the phone typed at checkout is sent along.
  const phone = document.querySelector('input[autocomplete="tel"]').value;
  snaptr('track', 'PURCHASE', { // expect: phone snap-pixel
    price: order.total,
    currency: 'USD',
    transaction_id: order.id,
    user_phone_number: phone,
  });

  window.location.assign(`/orders/${order.id}`);
});
