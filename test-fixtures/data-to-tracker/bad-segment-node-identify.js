// API route: tell Segment who signed up, from the server.
import { Analytics } from '@segment/analytics-node';

const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY });

export async function POST(request) {
  const user = await request.json();
  analytics.identify({ userId: user.id, traits: { email: user.email, plan: 'free' } }); // expect: email segment-node
  analytics.track({ userId: user.id, event: 'Signed Up', properties: { phone: user.phone } }); // expect: phone segment-node
  return new Response(null, { status: 204 });
}
