// Search box and quantity picker: DOM reads of fields that hold no personal data.
const search = document.querySelector('#search');
const quantity = document.getElementById('quantity');

search.addEventListener('change', () => {
  gtag('event', 'search', { search_term: search.value });
});
quantity.addEventListener('change', () => {
  fbq('track', 'CustomizeProduct', { quantity: Number(quantity.value) });
});
