// Product page and shared page chrome: view, add-to-cart and consent events. All clean.
import { trackEvent } from './analytics.js';

const productJson = document.getElementById('product-json');
const product = productJson ? JSON.parse(productJson.textContent) : null;

if (product) {
  const item = { item_id: product.sku, item_name: product.name, item_brand: product.brand, price: product.price };

  gtag('event', 'view_item', { currency: 'USD', value: product.price, items: [item] });
  fbq('track', 'ViewContent', { content_ids: [product.sku], content_type: 'product', value: product.price, currency: 'USD' });
  ttq.track('ViewContent', { content_id: product.sku, content_type: 'product', value: product.price, currency: 'USD' });
  pintrk('track', 'pagevisit', { product_id: product.sku });
  analytics.track('Product Viewed', { product_id: product.sku, name: product.name, price: product.price });
  dataLayer.push({ event: 'view_item', ecommerce: { items: [item] } });

  document.getElementById('add-to-cart').addEventListener('click', () => {
    const quantity = Number(document.getElementById('quantity').value);
    gtag('event', 'add_to_cart', { currency: 'USD', value: product.price * quantity, items: [{ ...item, quantity }] });
    fbq('track', 'AddToCart', { content_ids: [product.sku], value: product.price * quantity, currency: 'USD' });
    snaptr('track', 'ADD_CART', { item_ids: [product.sku], price: product.price, currency: 'USD' });
    trackEvent('add_to_cart', { sku: product.sku, quantity });
  });
}

const acceptCookies = document.getElementById('cookie-accept');
if (acceptCookies) {
  acceptCookies.addEventListener('click', () => {
    gtag('consent', 'update', { ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' });
    fbq('consent', 'grant');
    ttq.grantConsent();
  });
}
