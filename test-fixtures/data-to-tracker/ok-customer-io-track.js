// Customer.io calls that carry no personal data: ids, timestamps, plans, totals.
var _cio = _cio || [];

export function onLogin(person) {
  _cio.identify({ id: person.id, created_at: person.createdAt, plan: person.plan });
  _cio.track('first_order', { total: person.firstOrder.total, items: person.firstOrder.items.length });
  _cio.page(location.pathname, { section: 'account' });
  cioanalytics.track('Upgraded', { plan: person.plan });
}
