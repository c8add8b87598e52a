// Iterable Web SDK calls that carry no personal data: events and plan fields.
import { updateUser, track } from '@iterable/web-sdk';

export function onUpgrade(account) {
  updateUser({ dataFields: { plan: account.plan, seats: account.seats } });
  track({ eventName: 'upgraded', dataFields: { plan: account.plan } });
}
