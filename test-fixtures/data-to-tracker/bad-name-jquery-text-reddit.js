// Thank-you page (jQuery): Reddit purchase event, with the name shown on the receipt.
$(function () {
  const buyer = $('.customer-name').text();
  rdt('track', 'Purchase', { // expect: name reddit-pixel
    itemCount: Number($('#receipt').data('items')),
    buyer: buyer,
  });
});
