// Intercom defines `name` in its user settings as the user's full name: a value of unknown
// origin there is reported as a person's name.
function syncMessenger(profile) {
  window.Intercom('update', { name: profile.label }); // expect: name intercom
}

// A literal name (the workspace's own label) is no person.
window.Intercom('update', { name: 'Support workspace' });
