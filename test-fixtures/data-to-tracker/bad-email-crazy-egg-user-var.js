// Crazy Egg user variables: filed under the customer's email in the recordings.
var customer = window.__CUSTOMER__;
CE2.set(1, customer.email); // expect: email crazy-egg
window.CE_SNAPSHOT_NAME = 'Account of ' + customer.fullName; // expect: name crazy-egg
