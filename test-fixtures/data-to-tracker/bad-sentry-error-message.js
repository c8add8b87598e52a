// The exception's message carries the address to Sentry.
const emailField = document.querySelector('#account-email');

export function saveAccount() {
  const email = emailField.value;
  try {
    validate(email);
  } catch (err) {
    Sentry.captureException(new Error('Invalid account email: ' + email)); // expect: email sentry
  }
}
