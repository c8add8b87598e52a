// Form plugins hand their fields over as a list of { name, value } objects (Contact Form 7's
// `wpcf7mailsent` event): the entry a predicate picks by name is that field. Form builders
// mark fields with data attributes (`data-field_type="email"`).
var EMAIL_FIELDS = ['your-email', 'email'];

document.addEventListener('wpcf7mailsent', function (event) {
  var inputs = event.detail.inputs;
  var emailInput = inputs.find(function (input) {
    return EMAIL_FIELDS.includes(input.name);
  });
  var phoneInput = inputs.find((input) => input.name === 'your-phone' || input.name === 'phone');
  var push = { event: 'form_sent' };
  if (emailInput) push.email = emailInput.value;
  if (phoneInput) push.phone = phoneInput.value;
  dataLayer.push(push); // expect: email google-tag-manager, phone google-tag-manager
});

jQuery(function ($) {
  $('form.builder').on('submit', function () {
    var email = $(this).find('[data-field_type="email"]').val();
    dataLayer.push({ event: 'lead', lead_email: email }); // expect: email google-tag-manager
  });
});
