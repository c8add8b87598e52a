// API route: the server-side Jitsu client built by the package's factory.
import { jitsuAnalytics, emptyAnalytics } from '@jitsu/js';

const analytics =
  process.env.JITSU_HOST && process.env.JITSU_WRITE_KEY
    ? jitsuAnalytics({ host: process.env.JITSU_HOST, writeKey: process.env.JITSU_WRITE_KEY })
    : emptyAnalytics;

export async function onSignIn(message: { user: { id: string; email: string; name: string } }) {
  const user = message.user;
  await analytics.identify(user.email ?? user.id); // expect: email jitsu
  await analytics.track({ event: 'User Signed In', email: user.email, userId: user.id }); // expect: email jitsu
  await analytics.identify(user.id, { email: user.email, plan: 'free' }); // expect: email jitsu
}
