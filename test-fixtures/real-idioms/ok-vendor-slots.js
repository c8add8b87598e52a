// Vendor slots stay quiet for literals, names bound to literals, verdicts and opaque
// identifiers; a read the analysis classifies is reported once, by its own flow.
const PIXEL_ID = '1234567890';
const TEST_EMAIL = 'qa@example.com';

fbq('init', PIXEL_ID);
fbq('init', PIXEL_ID, {});
fbq('init', PIXEL_ID, { external_id: account.uuid, country: 'de', ge: account.g });
fbq('init', PIXEL_ID, { em: TEST_EMAIL, ph: `+49 ${'30'} 1234` });
fbq('set', 'autoConfig', false, PIXEL_ID);

gtag('set', 'user_data', { email: account.userId });
gtag('config', 'G-1234', { send_page_view: false, user_id: account.id });
gtag('event', 'purchase', { value: cart.total, currency: 'EUR' });

lintrk('setUserData', { email: hasEmail === true });
ttq.identify({ external_id: hashedExternalId });
pintrk('load', '2612345678901');
snaptr('init', 'abc-123', { user_email: typeof account.mail });

Sentry.setUser(null);
Sentry.setUser({ id: account.id, segment: 'paid' });
Sentry.setUser(session ? { id: session.userId } : undefined);

// Event properties and traits other than the email and phone keys are no slots.
analytics.identify(account.uuid, { plan: account.plan, seats: account.seats });
analytics.track('Signed Up', payload);
mixpanel.track('Viewed', props);
mixpanel.register(superProperties);
mixpanel.identify(account.distinct_id);

// A read the analysis classifies is reported by its own flow; the slot's guess would
// duplicate it, so only the read's flow remains.
const email = document.querySelector('input[type=email]');
fbq('init', PIXEL_ID, { em: email.value }); // expect: email meta-pixel

// A parameter in a slot is a guess only while no caller's data reaches the call: here the
// caller's email is reported, and no name is guessed for the rest of the profile.
function setProfile(data) {
  mixpanel.people.set(data); // expect: email mixpanel
}
setProfile({ $email: document.querySelector('#email').value });
