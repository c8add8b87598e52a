// Sentry's scopes are the same API: the Nuxt plugin global, configureScope/withScope callbacks,
// and the scope getters of any @sentry/* package.
import * as Sentry from '@sentry/vue';
import { getIsolationScope } from '@sentry/nextjs';

export default function ({ app, store }) {
  const account = store.getters['account/current'];
  app.$sentry.configureScope((scope) => {
    scope.setUser({ email: account.email?.address }); // expect: email sentry
  });
  Sentry.withScope((s) => s.setUser({ email: account.email })); // expect: email sentry
  getIsolationScope().setUser({ email: account.email }); // expect: email sentry
  Sentry.getCurrentScope().setUser({ id: account.id });
}
