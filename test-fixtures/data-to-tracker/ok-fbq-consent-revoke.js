// Consent mode: revoke until the visitor accepts, then grant.
fbq('consent', 'revoke');
fbq('init', '731994520118327');
gtag('consent', 'default', { ad_storage: 'denied', ad_user_data: 'denied', analytics_storage: 'denied' });

document.getElementById('accept-cookies').addEventListener('click', () => {
  fbq('consent', 'grant');
  gtag('consent', 'update', { ad_storage: 'granted', ad_user_data: 'granted', analytics_storage: 'granted' });
  window.uetq.push('consent', 'update', { ad_storage: 'granted' });
});
