// Zoho SalesIQ: fill in the chat visitor from the signed-in customer.
window.$zoho = window.$zoho || {};
$zoho.salesiq = $zoho.salesiq || { ready: function () {} };

$zoho.salesiq.ready = function () {
  $zoho.salesiq.visitor.email(customer.email); // expect: email zoho-salesiq
  $zoho.salesiq.visitor.name(customer.firstName + ' ' + customer.lastName); // expect: name zoho-salesiq, name zoho-salesiq
  $zoho.salesiq.visitor.contactnumber(customer.phone); // expect: phone zoho-salesiq
};
