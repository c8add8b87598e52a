// The same shapes carrying nothing personal: ids, plans, counts.
import { PostHog } from 'posthog-js';

export class Tracker {
  private plan = 'free';
  constructor(private posthog: PostHog, private userId: string) {}
  upgrade(plan: string) {
    this.plan = plan;
    this.posthog.identify(this.userId, { plan: this.plan });
    this.posthog.capture('upgraded', { plan, seats: this.seats() });
  }
  seats() {
    return 3;
  }
}
