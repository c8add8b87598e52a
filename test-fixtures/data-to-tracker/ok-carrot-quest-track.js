// Carrot quest calls that carry no personal data: events with product ids and prices.
export function onAddToCart(product) {
  carrotquest.track('$cart_added', { $name: product.title, $amount: product.price, product_id: product.id });
  carrotquest.identify({ orders_count: 3 });
}
