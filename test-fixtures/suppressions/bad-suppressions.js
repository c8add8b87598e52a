// Suppressions: used with a reason (silent), used without a reason, unused, unknown rule, file-level.
const email = document.getElementById('email').value;

// overshare-ignore-next-line data-to-tracker -- only after ad consent; DPA with Meta (PRIV-142)
fbq('init', '123', { em: email });

/* overshare-ignore-next-line data-to-tracker */ // expect: suppression none
ttq.identify({ email });

// overshare-ignore-next-line data-to-tracker -- stale: the leak below was fixed // expect: suppression none
ttq.track('Lead', { value: 1 });

// overshare-ignore-next-line data-to-trackr -- typo in the rule id // expect: suppression none
snaptr('init', '1', { user_email: email }); // expect: email snap-pixel
