// Metrilo: link the session to the customer after the account form.
document.getElementById('account').addEventListener('submit', function () {
  var email = document.getElementById('email').value;
  metrilo.identify(email); // expect: email metrilo
  metrilo.customerDetails({ firstName: document.getElementById('first-name').value, subscribed: true }); // expect: name metrilo
});
