// Server: record the signup in PostHog with the person's properties.
import { PostHog } from 'posthog-node';

const client = new PostHog(process.env.POSTHOG_KEY, { host: 'https://eu.i.posthog.com' });

export async function onSignup(account) {
  client.identify({ distinctId: account.id, properties: { email: account.email } }); // expect: email posthog-node
  client.capture({ distinctId: account.id, event: 'signed up', properties: { name: account.fullName } }); // expect: name posthog-node
  await client.shutdown();
}
