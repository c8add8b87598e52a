// CommonJS helpers: module.exports and exports.x.
function identify(user) {
  mixpanel.people.set({ $email: user.email, $name: user.fullName }); // expect: email mixpanel, name mixpanel
}
exports.sendLead = function (contact) {
  rdt('track', 'Lead', { phoneNumber: contact }); // expect: phone reddit-pixel
};
module.exports.identify = identify;
