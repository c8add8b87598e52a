// Onboarding: identify the user to Userpilot once the profile has loaded.
import { Userpilot } from 'userpilot';

export function onProfile(user) {
  Userpilot.identify(user.id, { name: user.fullName, email: user.email, created_at: user.createdAt }); // expect: email userpilot, name userpilot
}

window.userpilot.track('Phone verified', { phone: document.getElementById('phone').value }); // expect: phone userpilot
