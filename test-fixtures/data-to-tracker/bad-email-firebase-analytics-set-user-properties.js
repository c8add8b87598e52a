// Firebase Analytics (modular SDK): profile properties after sign-in.
import { getAnalytics, logEvent, setUserProperties } from 'firebase/analytics';

const analytics = getAnalytics(app);

export function onSignIn(user) {
  setUserProperties(analytics, { email: user.email, favorite_food: user.favoriteFood }); // expect: email firebase-analytics
  logEvent(analytics, 'sign_up', { method: 'password', phone: user.phoneNumber }); // expect: phone firebase-analytics
}
