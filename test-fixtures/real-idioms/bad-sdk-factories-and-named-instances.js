// Factories and named instances, as the vendors document them: Amplitude's createInstance()
// and Mixpanel's `init(token, config, name)`, reached as `mixpanel.<name>` or as init's result.
import * as amplitude from '@amplitude/analytics-browser';
import { createInstance } from '@amplitude/analytics-browser';
import mixpanel from 'mixpanel-browser';

const email = document.querySelector('input[type=email]').value;

const marketing = amplitude.createInstance();
marketing.init('API_KEY');
marketing.track('Signed Up', { email }); // expect: email amplitude

const product = createInstance();
product.setUserId(email); // expect: email amplitude

mixpanel.init('TOKEN', { debug: false }, 'marketing');
mixpanel.marketing.track('Signed Up', { email }); // expect: email mixpanel

const secondary = mixpanel.init('TOKEN2', {}, 'secondary');
secondary.people.set({ $email: email }); // expect: email mixpanel

// The `analytics` package: `Analytics({ plugins })` returns the instance its plugins send from.
import Analytics from 'analytics';

const tracker = Analytics({ app: 'shop', plugins: [] });
tracker.identify('user-1', { email }); // expect: email getanalytics
