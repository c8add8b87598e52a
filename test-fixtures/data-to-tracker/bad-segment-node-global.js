// Worker: the client is created elsewhere and reached as a bare `analytics`; this file imports
// the classic Node library, so it is the server client, not the browser's Analytics.js.
const Analytics = require('analytics-node');

module.exports = { Analytics };

function onInvoicePaid(customer) {
  analytics.identify({ userId: customer.id, traits: { email: customer.email } }); // expect: email segment-node
}

module.exports.onInvoicePaid = onInvoicePaid;
