// Landing page with a single sign-up form: the email becomes the Mixpanel distinct id.
document.forms[0].addEventListener('submit', () => {
  const email = document.forms[0].elements['email'].value;
  mixpanel.identify(email); // expect: email mixpanel
  mixpanel.track('Signed Up', { source: 'landing' });
});
