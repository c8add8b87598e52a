// App bootstrap: attach the signed-in user to every Sentry error.
import * as Sentry from '@sentry/browser';
import { getSession } from './session.js';

const { user } = getSession();

Sentry.init({ dsn: 'https://4c1e8b62@o1234.ingest.sentry.io/5678' });
Sentry.setUser({ id: user.id, email: user.email }); // expect: email sentry
