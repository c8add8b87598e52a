// The sign-up data goes to our own API only; the pixel gets a constant event.
const form = document.getElementById('signup-form');

form.addEventListener('submit', async () => {
  const email = form.elements.email.value;
  const phone = form.elements.phone.value;
  await fetch('/api/signup', { method: 'POST', body: JSON.stringify({ email, phone }) });
  fbq('track', 'CompleteRegistration');
});
