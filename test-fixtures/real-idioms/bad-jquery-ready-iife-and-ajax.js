// jQuery's `$` arrives as a ready-callback or IIFE parameter; requests to a tracker's endpoint
// through $.ajax / $.post carry their data.
jQuery(function ($) {
  $('#signup').on('submit', function () {
    fbq('track', 'Lead', { em: $('#email').val() }); // expect: email meta-pixel
  });
});

(function ($) {
  $('#login').on('submit', function () {
    ttq.identify({ email: $(this).find('[name=email]').val() }); // expect: email tiktok-pixel
  });
})(jQuery);

jQuery(document).ready(function ($) {
  gtag('set', 'user_data', { email: $('input[type=email]').val() }); // expect: email google-tag
  $('#newsletter').on('submit', function () {
    $.post('https://manage.kmail-lists.com/ajax/subscriptions/subscribe', { g: 'LIST', email: $('#nl-email').val() }); // expect: email klaviyo
  });
  $('input[name="subscriber[email]"]').on('blur', function () {
    $.ajax({ url: 'https://manage.kmail-lists.com/ajax/subscriptions/subscribe', type: 'POST', data: { email: $(this).val() } }); // expect: email klaviyo
  });
});
