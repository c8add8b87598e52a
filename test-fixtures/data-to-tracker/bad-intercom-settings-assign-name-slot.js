// Intercom's settings object by assignment: the vendor-defined keys of the literal objects are
// judged as in Intercom('boot', …), also through Object.assign.
function bootMessenger(info) {
  window.intercomSettings = Object.assign({ // expect: name intercom
    app_id: 'abc123',
    name: info.display_label,
    plan: info.plan_status
  }, info.extra_attributes);
}

// A literal name is no person.
window.intercomSettings = { app_id: 'abc123', name: 'Help center' };
