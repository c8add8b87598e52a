// Slots that are personal data by the vendor's own definition: a value whose origin the
// analysis cannot see (an opaque object, a parameter, a helper's result) is still reported,
// with the category the slot defines.

// An advanced-matching object handed in by a caller the analysis cannot see.
export function initPixel(advancedMatching) {
  fbq('init', '1234567890', advancedMatching); // expect: email meta-pixel
}

// Keys Meta defines: `em` is an email, `ph` a phone number, `fn` a name.
fbq('init', '1234567890', { em: window.__ACCOUNT__.contact, ph: readCookie('p'), fn: row[1] }); // expect: email meta-pixel, phone meta-pixel, name meta-pixel

// gtag's user_data, as a named argument and inside config parameters.
gtag('set', 'user_data', profileFromServer()); // expect: email google-ads
gtag('config', 'AW-123', { user_data: { phone_number: fields[2] } }); // expect: phone google-ads

// LinkedIn, TikTok, Pinterest, Snap and Sentry identity slots.
lintrk('setUserData', { email: getValue('#contact') }); // expect: email linkedin-insight
ttq.identify({ email: decode(token).mail, external_id: account.uuid }); // expect: email tiktok-pixel
pintrk('load', '2612345678901', { em: session.who }); // expect: email pinterest-tag
snaptr('init', 'abc-123', { user_phone_number: lookup('#m') }); // expect: phone snap-pixel

export function reportUser(u) {
  Sentry.setUser(u); // expect: email sentry
}

// A condition's branches are each looked at; a literal branch is quiet.
Sentry.setUser(session ? { email: session.login } : null); // expect: email sentry

// Identify traits: the email and phone keys.
analytics.identify(account.uuid, { email: account.login, plan: account.plan }); // expect: email segment

// Mixpanel's profile, whole or by reserved key.
mixpanel.people.set(JSON.parse(document.body.dataset.profile)); // expect: email mixpanel, name mixpanel
mixpanel.people.set('$phone', lookup('#m')); // expect: phone mixpanel
