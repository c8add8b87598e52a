// Microsoft Ads enhanced conversions: both match keys come from the checkout form.
const form = document.getElementById('checkout-form');

form.addEventListener('submit', () => {
  const email = form.elements.email.value;
  const phone = form.elements.phone.value;
  window.uetq = window.uetq || [];
  window.uetq.push('set', { pid: { em: email, ph: phone } }); // expect: email microsoft-uet, phone microsoft-uet
});
