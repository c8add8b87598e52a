// A parameter typed with an interface imported from another module holds what it declares.
import type { Customer, Order } from './models/customer';
import posthog from 'posthog-js';

export function identify(customer: Customer) {
  posthog.identify(customer.id, customer); // expect: email posthog, phone posthog
}

export function purchased(order: Order) {
  posthog.capture('Purchased', order);
}
