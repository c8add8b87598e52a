// A hook handing out its own capture and identify, which forward to PostHog.
import { posthog } from 'posthog-js';

export function useAnalytics() {
  const capture = (event: string, properties?: Record<string, unknown>) => {
    posthog.capture(event, properties); // expect: email posthog
  };
  const identify = (distinctId?: string, properties?: Record<string, unknown>) => {
    posthog.identify(distinctId, properties); // expect: email posthog
  };
  return { capture, identify };
}
