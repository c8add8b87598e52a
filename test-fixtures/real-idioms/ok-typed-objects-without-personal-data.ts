// Typed objects whose declared properties are not personal data, or only their safe parts sent.
interface User {
  id: string;
  email: string;
  plan: string;
}

interface Order {
  id: string;
  total: number;
  currency: string;
}

export function purchase(order: Order) {
  gtag('event', 'purchase', order);
}

export function upgraded(user: User) {
  analytics.track('Upgraded', { plan: user.plan, userId: user.id });
}
