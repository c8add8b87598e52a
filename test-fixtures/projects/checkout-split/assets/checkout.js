// Theme asset: the fields are declared in sections/main-checkout.liquid.
const cardField = document.getElementById('c1');
const phoneField = document.querySelector('#ph');
const speed = document.getElementById('ship-speed');

document.getElementById('checkout').addEventListener('submit', () => {
  dataLayer.push({ event: 'add_payment_info', card_bin: cardField.value.slice(0, 6) }); // expect: card google-tag-manager
  ttq.identify({ phone_number: phoneField.value }); // expect: phone tiktok-pixel
  gtag('event', 'add_shipping_info', { shipping_tier: speed.value });
});
