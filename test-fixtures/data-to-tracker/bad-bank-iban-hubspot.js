// Marketplace seller onboarding, payout step: details are copied to the HubSpot contact.
const payoutForm = document.getElementById('payout-form');

payoutForm.addEventListener('submit', () => {
  const iban = payoutForm.elements.iban.value;
  window._hsq = window._hsq || [];
  _hsq.push(['identify', { payout_iban: iban }]); // expect: bank hubspot
  _hsq.push(['trackCustomBehavioralEvent', { name: 'pe_payout_details_saved' }]);
});
