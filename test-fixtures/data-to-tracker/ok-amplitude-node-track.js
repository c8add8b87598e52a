// Server: a purchase event keyed by the internal customer id.
import { init, track } from '@amplitude/analytics-node';

init(process.env.AMPLITUDE_API_KEY);

export function onPurchase(order) {
  track('Order Completed', { total: order.total, items: order.items.length }, { user_id: order.customerId });
}
