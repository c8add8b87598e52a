// Normalised, URL-encoded and JSON-encoded copies of the email still carry it.
const emailInput = document.querySelector('#email');

emailInput.addEventListener('blur', () => {
  const normalized = emailInput.value.trim().toLowerCase();
  dataLayer.push({ event: 'lead', lead_ref: encodeURIComponent(normalized) }); // expect: email google-tag-manager
  LogRocket.track('Lead Captured', { payload: JSON.stringify({ email: normalized }) }); // expect: email logrocket
});
