// Profile sync: destructure the user record and push it to Mixpanel People.
async function loadProfile() {
  const user = await fetch('/api/me').then((r) => r.json());
  const { email, phone } = user;

  mixpanel.identify(user.id);
  mixpanel.people.set({ $email: email, $phone: phone }); // expect: email mixpanel, phone mixpanel
}

loadProfile();
