// @segment/analytics-next: the instance from AnalyticsBrowser.load() is the analytics API.
import { AnalyticsBrowser } from '@segment/analytics-next';

export const analytics = AnalyticsBrowser.load({ writeKey: 'wk_123' });

export function onSignup(form: HTMLFormElement) {
  const email = (form.elements.namedItem('email') as HTMLInputElement).value;
  analytics.identify({ email }); // expect: email segment
}
