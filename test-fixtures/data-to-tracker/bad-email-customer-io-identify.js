// Customer.io: identify the person who just signed in, and record their first order.
var _cio = _cio || [];

export function onLogin(person) {
  _cio.identify({ id: person.id, email: person.email, created_at: person.createdAt }); // expect: email customer-io
  _cio.track('first_order', { total: person.firstOrder.total, ship_to: person.address.street }); // expect: address customer-io
}

export function onDataPipelines(person) {
  cioanalytics.identify(person.id, { name: person.fullName }); // expect: name customer-io
}
