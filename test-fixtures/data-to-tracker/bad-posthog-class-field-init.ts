// Telemetry service: the client `posthog.init()` returns is kept in a field declared empty.
import { posthog, type PostHog } from 'posthog-js';

export class Telemetry {
  private instance: PostHog | void = undefined;
  private fallback = null;

  init() {
    this.instance = posthog.init('phc_key', { api_host: 'https://eu.posthog.com' });
    this.fallback = posthog.init('phc_key', {});
  }

  setUser(params: { id: number; email?: string }) {
    const { id, email } = params;
    this.instance?.identify(`user_${id}`, { email }); // expect: email posthog
  }

  setFallbackUser(email: string) {
    this.fallback.identify(email); // expect: email posthog
  }
}
