// Telemetry service: events with ids and counts only, through the client kept in a field.
import { posthog, type PostHog } from 'posthog-js';

export class Telemetry {
  private instance: PostHog | undefined = undefined;

  init() {
    this.instance = posthog.init('phc_key', { api_host: 'https://eu.posthog.com' });
  }

  setUser(params: { id: number; plan: string }) {
    this.instance?.identify(`user_${params.id}`, { plan: params.plan });
    this.instance?.capture('project_opened', { projectId: params.id });
  }
}
