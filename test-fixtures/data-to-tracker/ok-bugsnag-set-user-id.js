// BugSnag calls that carry no personal data: ids, release stage, route names.
import Bugsnag from '@bugsnag/js';

Bugsnag.start({ apiKey: 'c9d60ae4c7e70c4b6c4ebd3e8056d2b8', releaseStage: 'production', appVersion: '4.2.0' });

export function onLogin(user) {
  Bugsnag.setUser(user.id);
  Bugsnag.addMetadata('account', { plan: user.plan, seats: user.seats });
  Bugsnag.leaveBreadcrumb('Navigated', { route: location.pathname });
}
