// Marketing Cloud collect calls that carry no personal data: org id, page views, cart items.
var _etmc = _etmc || [];
_etmc.push(['setOrgId', '514007805']);
_etmc.push(['trackPageView', { item: product.sku }]);
_etmc.push(['trackCart', { cart: cart.items.map((i) => ({ item: i.sku, quantity: i.qty, price: i.price, unique_id: i.sku })) }]);
