// The same handles, carrying nothing personal.
import { usePostHog } from 'posthog-js/react';
import * as Sentry from '@sentry/react';
import { AnalyticsBrowser } from '@segment/analytics-next';

const analytics = AnalyticsBrowser.load({ writeKey: 'wk_123' });

export function useTracking(user: { id: string; plan: string }) {
  const posthog = usePostHog();
  posthog.identify(user.id, { plan: user.plan });
  posthog.capture('dashboard_viewed', { section: 'billing' });
  Sentry.configureScope((scope) => scope.setUser({ id: user.id }));
  Sentry.getCurrentScope().setTag('plan', user.plan);
  analytics.track('Plan Viewed', { plan: user.plan });
}
