// Purchase push for GTM: user data nested two levels deep.
const order = window.__ORDER__;

dataLayer.push({ // expect: email google-tag-manager, name google-tag-manager
  event: 'purchase',
  ecommerce: { transaction_id: order.id, value: order.total, currency: 'USD' },
  user_data: {
    email_address: order.customer.email,
    address: { first_name: order.customer.firstName },
  },
});
