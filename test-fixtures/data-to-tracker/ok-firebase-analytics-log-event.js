// Firebase Analytics calls that carry no personal data: events with ids and methods.
import { getAnalytics, logEvent, setUserId, setUserProperties } from 'firebase/analytics';

const analytics = getAnalytics(app);

export function onSignIn(user) {
  setUserId(analytics, user.uid);
  setUserProperties(analytics, { plan: user.plan });
  logEvent(analytics, 'login', { method: 'google' });
  logEvent(analytics, 'select_content', { content_type: 'image', item_id: 'P12453' });
}
