// The one place the app imports the Sentry SDK; the rest asks for it.
import * as Sentry from '@sentry/browser';

export function getSentry(): typeof Sentry | null {
  return typeof window === 'undefined' ? null : Sentry;
}
