// ActiveCampaign site tracking: join the visits to the contact once the form is sent.
document.getElementById('lead-form').addEventListener('submit', function () {
  var email = document.querySelector('#lead-form input[type="email"]').value;
  vgo('setEmail', email); // expect: email activecampaign
  vgo('process');
});
