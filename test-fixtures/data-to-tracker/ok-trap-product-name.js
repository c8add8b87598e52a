// Add to cart: product.name is the name of a product, not of a person.
const product = window.__PRODUCT__;

document.getElementById('add-to-cart').addEventListener('click', () => {
  gtag('event', 'add_to_cart', {
    currency: 'USD',
    value: product.price,
    items: [{ item_id: product.sku, item_name: product.name, price: product.price }],
  });
});
