// Live chat: tell Smartsupp who the signed-in customer is.
var _smartsupp = _smartsupp || {};
_smartsupp.key = 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2';

export function onCustomer(customer) {
  smartsupp('name', customer.fullName); // expect: name smartsupp
  smartsupp('email', customer.email); // expect: email smartsupp
  smartsupp('variables', { // expect: phone smartsupp
    phone: { label: 'Phone', value: customer.phone },
    orders: { label: 'Orders', value: customer.orderCount },
  });
}
