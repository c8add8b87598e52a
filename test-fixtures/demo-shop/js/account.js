// Account page: load the signed-in customer and tell monitoring and analytics who it is.
import * as Sentry from '@sentry/browser';

async function loadAccount() {
  const res = await fetch('/api/account', { credentials: 'include' });
  const user = await res.json();

  Sentry.setUser({ id: user.id, email: user.email }); // expect: email sentry
  analytics.identify(user.id, { // expect: email segment
    email: user.email,
    tier: user.loyaltyTier,
    createdAt: user.createdAt,
  });
  analytics.page('Account', 'Overview');

  // Marketing wanted the region for audiences, so the rendered address card is scraped.
  const addressCard = document.querySelector('.mailing-address');
  fbq('trackCustom', 'AccountViewed', { address: addressCard.innerText }); // expect: address meta-pixel
}

loadAccount().catch((err) => Sentry.captureException(err, { tags: { page: 'account' } }));
