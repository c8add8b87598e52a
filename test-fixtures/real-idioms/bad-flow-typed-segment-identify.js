// @flow
// Flow-typed JavaScript: maybe types, exact objects and `import type` are read as TypeScript.
import type { User } from './types';

declare var analytics;

type Payload = {| user: User, plan: ?string |};

export function* register(payload: Payload, invite: ?Object): Generator<*, *, *> {
  const user: ?User = payload.user;
  if (!user) return;
  analytics.identify(user.id, { email: user.email, plan: payload.plan }); // expect: email segment
  analytics.track('Signed Up', { invited: Boolean(invite) });
}
