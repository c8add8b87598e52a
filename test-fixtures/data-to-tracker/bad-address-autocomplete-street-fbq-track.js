// Checkout, shipping step: the street line rides along in a custom Meta event.
const streetField = document.querySelector('[autocomplete="street-address"]');
const continueButton = document.getElementById('continue-to-payment');

continueButton.addEventListener('click', () => {
  fbq('trackCustom', 'ShippingEntered', { // expect: address meta-pixel
    street: streetField.value,
    method: 'standard',
  });
});
