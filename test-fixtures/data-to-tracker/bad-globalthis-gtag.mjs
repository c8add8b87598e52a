// Shared module used in the browser and in tests: reaches gtag through globalThis.
export function reportSignup() {
  const email = document.querySelector('#email').value;
  globalThis.gtag('event', 'sign_up', { // expect: email google-tag
    method: 'email',
    user_email: email,
  });
}

document.getElementById('signup-form').addEventListener('submit', reportSignup);
