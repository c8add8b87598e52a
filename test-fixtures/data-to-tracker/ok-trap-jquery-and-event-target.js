// jQuery reads and event targets of fields that hold no personal data.
$('#apply-coupon').on('click', function () {
  const code = $('#coupon-code').val();
  const heading = $('.card-title').first().text();
  ttq.track('ApplyCoupon', { coupon: code, section: heading });
});

const searchInput = document.getElementById('search');
searchInput.addEventListener('input', (e) => {
  gtag('event', 'search', { search_term: e.target.value });
});
