// The fields are declared in checkout.html; their ids alone say nothing.
const card = document.getElementById('cc');
const customer = document.querySelector('#cust');
const qty = document.getElementById('qty');

document.getElementById('pay').addEventListener('submit', () => {
  dataLayer.push({ event: 'purchase', last4: card.value.slice(-4) }); // expect: card google-tag-manager
  fbq('init', '123', { em: customer.value }); // expect: email meta-pixel
  fbq('track', 'Purchase', { num_items: Number(qty.value) });
});
