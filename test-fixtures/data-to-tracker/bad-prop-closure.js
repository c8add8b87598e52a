// A small arrow function closes over the email read in the submit handler.
const form = document.getElementById('quote-form');

form.addEventListener('submit', () => {
  const email = form.elements.email.value;
  const sendLead = () => {
    fbq('track', 'Lead', { em: email }); // expect: email meta-pixel
  };
  sendLead();
});
