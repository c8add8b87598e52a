// Store locator: coordinates of a shop, not of the visitor.
const stores = window.__STORES__;

document.querySelectorAll('.store-item').forEach((item, i) => {
  item.addEventListener('click', () => {
    const store = stores[i];
    amplitude.track('Store Selected', { store_id: store.id, lat: store.latitude, lng: store.longitude });
  });
});
