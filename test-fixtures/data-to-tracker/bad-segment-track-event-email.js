// Footer newsletter (jQuery): the Segment event carries the address.
$('#footer-newsletter').on('submit', function (event) {
  event.preventDefault();
  const address = $('#footer-email').val();
  analytics.track('Newsletter Subscribed', { // expect: email segment
    location: 'footer',
    email: address,
  });
});
