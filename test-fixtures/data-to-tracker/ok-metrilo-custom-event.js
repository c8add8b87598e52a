// Metrilo: a custom event and a product view.
metrilo.customEvent('opened_size_guide');
metrilo.viewProduct('SKU-1');
