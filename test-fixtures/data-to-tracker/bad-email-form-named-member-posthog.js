// Newsletter box: capture the sign-up in PostHog, email included.
const form = document.forms['newsletter'];

form.addEventListener('submit', () => {
  posthog.capture('newsletter_signup', { // expect: email posthog
    placement: 'sidebar',
    email: form.email.value,
  });
});
