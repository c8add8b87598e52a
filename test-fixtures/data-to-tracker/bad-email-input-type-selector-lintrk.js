// Demo-request landing page: LinkedIn conversion with the visitor's work email.
const demoForm = document.querySelector('form.demo-request');

demoForm.addEventListener('submit', () => {
  const emailField = document.querySelector('input[type=email]');
  lintrk('setUserData', { email: emailField.value }); // expect: email linkedin-insight
  lintrk('track', { conversion_id: 11872345 });
});
