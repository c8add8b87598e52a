// A wrapper calling a wrapper: one finding per sink key, named after the parameter nearest the
// SDK call, however many wrappers pass it on.
export default class AnalyticsService {
  /* @ngInject */
  constructor($analytics) {
    this.analytics = $analytics;
  }

  newUserRegistered(userId, email, firstName) {
    this.analytics.setAlias(userId);
    this.identifyLoggedInUser(userId, email, firstName);
  }

  identifyLoggedInUser(userId, email, firstName) {
    const props = { userId, Email: email, FirstName: firstName };
    this.analytics.setUserProperties(props); // expect: email angulartics, name angulartics
  }
}
