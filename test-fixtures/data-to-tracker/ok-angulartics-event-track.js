// Angulartics calls that carry no personal data: event names, categories, ids.
angular.module('app').controller('CartCtrl', ['$analytics', 'cart', function ($analytics, cart) {
  $analytics.eventTrack('Add to cart', { category: 'cart', label: cart.lastItem.sku, value: cart.total });
  $analytics.setUserProperties({ plan: cart.plan });
  $analytics.pageTrack('/cart');
}]);
