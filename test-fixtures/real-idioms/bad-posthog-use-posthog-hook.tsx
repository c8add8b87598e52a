// The React hook returns the PostHog client (https://posthog.com/docs/libraries/react).
import { usePostHog } from 'posthog-js/react';
import { useEffect } from 'react';
import { useAuth } from '../auth';

export function PostHogIdentifier() {
  const posthog = usePostHog();
  const { user } = useAuth();
  useEffect(() => {
    if (user) {
      posthog?.identify(user.id, { email: user.email, role: user.role, fullName: user.fullName }); // expect: email posthog, name posthog
    }
  }, [user, posthog]);
  return null;
}
