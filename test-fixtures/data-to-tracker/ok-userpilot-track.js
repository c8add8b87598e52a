// Userpilot calls that carry no personal data: ids, plans, feature names.
import { Userpilot } from 'userpilot';

export function onProfile(user) {
  Userpilot.identify(user.id, { plan: user.plan, created_at: user.createdAt });
  Userpilot.track('Feature used', { feature: 'export', format: 'csv' });
  window.userpilot.reload();
}
