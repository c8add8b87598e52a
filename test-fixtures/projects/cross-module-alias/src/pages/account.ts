// Imports through the `@/` alias; names no SDK.
import { telemetry } from '@/lib/telemetry';

export function onProfileLoaded(profile: { email: string; plan: string }) {
  telemetry.user(profile.email);
}
