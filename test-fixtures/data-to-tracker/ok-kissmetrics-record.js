// Kissmetrics calls that carry no personal data: event names, plans, ids.
var _kmq = _kmq || [];

export function onUpgrade(account) {
  _kmq.push(['identify', account.userId]);
  _kmq.push(['set', { Plan: account.plan, Seats: account.seats }]);
  _kmq.push(['record', 'Upgraded', { plan: account.plan, billing: account.interval }]);
  _kmq.push(['trackClick', 'upgrade-button', 'Clicked Upgrade']);
}
