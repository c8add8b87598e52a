// Fallbacks with ??, || and a ternary keep the value they fall back from.
const profile = window.__APP__.profile;
const email = profile.email ?? '';
const phone = profile.phoneVerified ? profile.phone : undefined;

klaviyo.identify({ // expect: email klaviyo, phone klaviyo
  email: email || undefined,
  phone_number: phone,
});
