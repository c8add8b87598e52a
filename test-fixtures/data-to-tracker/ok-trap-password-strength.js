// Password meter: the strength score is reported, never the password.
const meter = window.signupState;
const passwordStrength = meter.passwordStrength;

mixpanel.track('Password Created', {
  strength: passwordStrength,
  show_password_used: meter.showPassword,
});
