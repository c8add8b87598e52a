// Smartsupp calls that carry no personal data: language, group, counts, chat control.
export function onCustomer(customer) {
  smartsupp('language', 'en');
  smartsupp('group', 'sales');
  smartsupp('variables', {
    orders: { label: 'Orders', value: customer.orderCount },
    plan: { label: 'Plan', value: customer.plan },
  });
  smartsupp('chat:open');
}
