// Crisp chatbox calls that carry no personal data: commands, plan, ids, counts.
import { Crisp } from 'crisp-sdk-web';

window.$crisp = [];
$crisp.push(['safe', true], ['do', 'chat:hide']);
$crisp.push(['on', 'chat:closed', () => $crisp.push(['do', 'chat:hide'])]);

export function onAccountLoaded(account) {
  $crisp.push(['set', 'session:data', [[['plan', account.plan], ['account_id', account.id]]]]);
  $crisp.push(['set', 'session:segments', [['customer', account.tier]]]);
  Crisp.session.setData({ cart_items: account.cart.length, locale: navigator.language });
  Crisp.session.pushEvent('checkout_started', { items: account.cart.length });
  Crisp.chat.open();
}
