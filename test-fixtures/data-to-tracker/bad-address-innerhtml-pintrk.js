// Order summary page: Pinterest checkout event with the rendered shipping address.
const summary = document.getElementById('order-summary');
const shipTo = document.getElementById('shipping-address').innerHTML;

pintrk('track', 'checkout', { // expect: address pinterest-tag
  order_id: summary.dataset.orderId,
  value: Number(summary.dataset.total),
  ship_to: shipTo,
});
