// npm wrappers reached through their imports: default, named, namespace and require.
import ReactPixel from 'react-facebook-pixel';
import ReactGA from 'react-ga4';
import { event as gtagEvent } from 'vue-gtag';
import * as Sentry from '@sentry/react';
import { sendGTMEvent } from '@next/third-parties/google';
const mixpanel = require('mixpanel-browser');

export function onSignup(form) {
  const email = form.querySelector('input[type=email]').value;
  const phone = form.querySelector('input[type=tel]').value;
  ReactPixel.init('123', { em: email }); // expect: email meta-pixel
  ReactGA.event('sign_up', { method: 'form', email }); // expect: email google-tag
  gtagEvent('lead', { phone }); // expect: phone google-tag
  Sentry.setUser({ email }); // expect: email sentry
  sendGTMEvent({ event: 'signup', user_phone: phone }); // expect: phone google-tag-manager
  mixpanel.people.set({ $email: email }); // expect: email mixpanel
  ReactPixel.pageView();
  ReactGA.send({ hitType: 'pageview', page: '/signup' });
}
