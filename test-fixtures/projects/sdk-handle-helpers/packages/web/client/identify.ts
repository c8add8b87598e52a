// A module that names no SDK: its SDK comes from a helper reached through a tsconfig alias.
import { getSentry } from '@/lib/monitoring';

export function identifyUser(user: { id: string; email: string } | null): void {
  const sentry = getSentry();
  if (!sentry) return;
  const scope = sentry.getIsolationScope();
  scope.setUser(user ? { id: user.id, email: user.email } : null); // expect: email sentry
}

export function tagRelease(release: string): void {
  getSentry()?.setTag('release', release);
}
