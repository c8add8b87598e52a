// Olark calls that carry no personal data: box control and custom fields without identity.
olark.identify('1234-567-89-0123');
olark('api.box.expand');
olark('api.chat.setOperatorGroup', { group: 'sales' });
olark('api.visitor.updateCustomFields', { plan: account.plan, cartItems: cart.items.length });
