// Reads the form and hands the data to the helpers in tracking.js; names no SDK itself.
import tracker, { trackSignup, trackPageView } from './tracking';

const form = document.querySelector('#signup-form');
form.addEventListener('submit', () => {
  const email = form.elements.email.value;
  trackSignup(email, 'free');
  trackPageView(location.pathname);
  tracker.lead({ phone_number: document.getElementById('phone').value, step: 2 });
});
