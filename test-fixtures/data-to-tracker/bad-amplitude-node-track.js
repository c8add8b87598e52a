// Server: send the purchase to Amplitude with the buyer's email as the user id.
import { init, track } from '@amplitude/analytics-node';

init(process.env.AMPLITUDE_API_KEY);

export function onPurchase(order) {
  track('Order Completed', { total: order.total }, { user_id: order.customer.email }); // expect: email amplitude-node
}
