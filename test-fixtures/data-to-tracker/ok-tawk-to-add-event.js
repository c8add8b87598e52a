// tawk.to calls that carry no personal data: events with order ids and plans.
var Tawk_API = Tawk_API || {};

Tawk_API.onLoad = function () {
  Tawk_API.addEvent('order-placed', { order: order.id, items: order.items.length }, function () {});
  Tawk_API.addTags(['customer'], function () {});
  Tawk_API.setAttributes({ plan: account.plan, id: account.id }, function () {});
};
