// Tag written by an agency: the pixel is reached through a bracketed window lookup.
const leadForm = document.getElementById('lead-form');

leadForm.addEventListener('submit', () => {
  const phone = leadForm.elements.phone.value;
  window['fbq']('track', 'Lead', { // expect: phone meta-pixel
    content_category: 'quote_request',
    ph: phone,
  });
});
