// Cart drawer: ad events with product ids and prices only.
export function CartDrawer({ items, total }) {
  const onCheckout = () => {
    fbq('track', 'InitiateCheckout', { num_items: items.length, value: total, currency: 'USD' });
    ttq.track('InitiateCheckout', { value: total, currency: 'USD' });
  };
  return (
    <aside className="cart-drawer">
      {items.map((item) => <p key={item.sku}>{item.title}</p>)}
      <button onClick={onCheckout}>Checkout</button>
    </aside>
  );
}
