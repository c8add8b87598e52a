// Server: a feature-usage event keyed by an opaque id.
import { PostHog } from 'posthog-node';

const client = new PostHog(process.env.POSTHOG_KEY);

export function onExport(accountId, format) {
  client.capture({ distinctId: accountId, event: 'exported', properties: { format } });
}
