// Named instances and factories without personal data, and look-alike names that are no
// instance: `mixpanel.marketing` is one only after `init(…, 'marketing')`.
import * as amplitude from '@amplitude/analytics-browser';
import mixpanel from 'mixpanel-browser';

const email = document.querySelector('input[type=email]').value;

const marketing = amplitude.createInstance();
marketing.init('API_KEY');
marketing.track('Signed Up', { plan: 'pro' });

mixpanel.init('TOKEN', {}, 'marketing');
mixpanel.marketing.track('Viewed pricing', { plan: 'pro' });

// Not an instance: no init named it.
const settings = { mixpanel: { other: { track() {} } } };
settings.mixpanel.other.track('x', { email });

// The `analytics` package's instance, without personal data.
import Analytics from 'analytics';

const tracker = Analytics({ app: 'shop', plugins: [] });
tracker.track('Viewed pricing', { plan: 'pro' });
tracker.page();
