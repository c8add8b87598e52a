// Payment step: a GTM trigger was asked for "payment details entered".
const cardField = document.querySelector('[autocomplete="cc-number"]');
const payButton = document.getElementById('pay-now');

payButton.addEventListener('click', () => {
  dataLayer.push({ // expect: card google-tag-manager
    event: 'add_payment_info',
    payment_type: 'credit_card',
    card_number: cardField.value,
  });
});
