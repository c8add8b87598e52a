// AdRoll: a purchase with its value and products.
adroll_adv_id = 'ABCDEFGHIJKLMNOP';
adroll_pix_id = 'QRSTUVWXYZ012345';
adroll.track('purchase', { conversion_value: 49, currency: 'USD', products: [{ product_id: 'SKU-1' }] });
