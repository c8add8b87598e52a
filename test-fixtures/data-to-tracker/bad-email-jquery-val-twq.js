// Checkout (jQuery): X conversion event with the email address.
$('#checkout-form').on('submit', function () {
  const email = $('#email').val();
  twq('event', 'tw-o8z3k-o8z3m', { // expect: email x-pixel
    value: Number($('#order-total').data('amount')),
    currency: 'USD',
    email_address: email,
  });
});
