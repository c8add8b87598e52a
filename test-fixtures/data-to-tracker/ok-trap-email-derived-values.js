// Only facts about the email are sent: a validity flag, a length, whether it has an "@".
import { isValid } from './validation.js';

const emailInput = document.getElementById('email');

emailInput.addEventListener('blur', () => {
  const email = emailInput.value;
  gtag('event', 'email_field_completed', {
    valid: isValid(email),
    length: email.length,
    has_at: email.includes('@'),
  });
});
