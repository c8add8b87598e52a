// Requests to the site's own backend are not trackers, even with personal data.
jQuery(function ($) {
  $('#newsletter').on('submit', function () {
    $.post('/api/newsletter', { email: $('#nl-email').val() });
    $.ajax({ url: '/api/subscribe', type: 'POST', data: { email: $('#nl-email').val() } });
    fbq('track', 'Subscribe');
  });
});
