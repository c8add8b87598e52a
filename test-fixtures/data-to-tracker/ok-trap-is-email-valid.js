// Sign-up funnel: only validation state is reported.
const state = window.signupState;
const isEmailValid = state.isEmailValid;
const emailError = state.emailError;

gtag('event', 'signup_step_completed', {
  step: 'contact',
  email_valid: isEmailValid,
  error_code: emailError,
});
