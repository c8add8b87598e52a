// A parameter whose TypeScript type declares personal data holds it: sent whole, it is sent.
interface User {
  id: string;
  email: string;
  name: string;
  plan: string;
}

type Lead = { phone: string; source: string };

export function identify(user: User) {
  analytics.identify(user.id, user); // expect: email segment, name segment
}

export function lead(l: Lead) {
  posthog.capture('lead', { ...l }); // expect: phone posthog
}

export function profile(profile: { email: string; plan: string }) {
  mixpanel.people.set(profile); // expect: email mixpanel
}
