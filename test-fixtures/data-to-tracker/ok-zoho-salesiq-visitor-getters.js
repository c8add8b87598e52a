// Zoho SalesIQ calls that carry no personal data: getters and widget control.
$zoho.salesiq.ready = function () {
  const known = $zoho.salesiq.visitor.email();
  $zoho.salesiq.floatbutton.visible('show');
  $zoho.salesiq.visitor.question('Question about order ' + order.id);
  console.log(Boolean(known));
};
