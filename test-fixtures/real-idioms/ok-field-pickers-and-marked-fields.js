// Picks of fields whose names say nothing personal, and data attributes that are not field
// markers, stay quiet.
var TOPIC_FIELDS = ['your-subject', 'topic'];

document.addEventListener('wpcf7mailsent', function (event) {
  var inputs = event.detail.inputs;
  var topic = inputs.find(function (input) {
    return TOPIC_FIELDS.includes(input.name);
  });
  var consent = inputs.filter((input) => input.name === 'newsletter-optin');
  dataLayer.push({ event: 'form_sent', topic: topic.value, optin: consent.length > 0 });
});

jQuery(function ($) {
  $('.cards').on('click', function () {
    var plan = $(this).find('[data-plan="email"]').val();
    var size = $(this).find('[data-field_type="number"]').val();
    dataLayer.push({ event: 'plan', plan: plan, size: size });
  });
});
