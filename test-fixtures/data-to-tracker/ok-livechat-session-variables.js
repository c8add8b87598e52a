// LiveChat calls that carry no personal data: widget state and cart totals.
export function onCheckoutStep(cart) {
  LiveChatWidget.call('maximize');
  LiveChatWidget.call('set_session_variables', { cart_items: String(cart.items.length), total: cart.total });
  LiveChatWidget.on('ready', () => LiveChatWidget.call('hide'));
}
