// CRM sync: the customer's address is copied into Segment traits.
async function syncTraits() {
  const customer = await fetch('/api/customer').then((r) => r.json());
  analytics.identify(customer.id, { // expect: address segment, address segment
    address: {
      street: customer.address.street,
      postalCode: customer.address.postalCode,
    },
    plan: customer.plan,
  });
}

syncTraits();
