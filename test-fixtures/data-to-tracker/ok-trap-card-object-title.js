// Recommendation carousel: a card object's title and id, nothing about payment.
const cards = window.__RECS__.cards;

cards.forEach((card, index) => {
  pintrk('track', 'custom', {
    slot: index,
    title: card.title,
    card_id: card.id,
  });
});
