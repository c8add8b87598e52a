// AngularJS app: tell every analytics provider who the user is.
angular.module('app').run(['$analytics', 'session', function ($analytics, session) {
  $analytics.setUsername(session.user.email); // expect: email angulartics
  $analytics.eventTrack('Checkout', { category: 'cart', label: session.user.phone }); // expect: phone angulartics
}]);
