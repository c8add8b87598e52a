// Product grid: "card" is a UI component here, not a payment card.
document.querySelectorAll('.product-card').forEach((card) => {
  card.addEventListener('click', () => {
    const cardTitle = card.querySelector('.card-title').textContent;
    fbq('track', 'ViewContent', {
      content_name: cardTitle,
      content_ids: [card.dataset.sku],
      content_type: 'product',
    });
  });
});
