// Server: mirror the customer's profile into Mixpanel.
const Mixpanel = require('mixpanel');

const mixpanel = Mixpanel.init(process.env.MIXPANEL_TOKEN);

function syncProfile(customer) {
  mixpanel.people.set(customer.id, { $email: customer.email, plan: customer.plan }); // expect: email mixpanel-node
  mixpanel.track('profile synced', { distinct_id: customer.id, phone: customer.phone }); // expect: phone mixpanel-node
}

module.exports = syncProfile;
