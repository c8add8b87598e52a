// Footer newsletter sign-up, present on every page. Only constant events reach the trackers.
const footerForm = document.getElementById('footer-newsletter-form');

if (footerForm) {
  footerForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const email = footerForm.elements.email.value.trim();
    if (!email.includes('@')) {
      gtag('event', 'newsletter_error', { reason: 'invalid_email', length: email.length });
      return;
    }
    await fetch('/api/newsletter', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, source: 'footer' }),
    });
    fbq('track', 'Subscribe', { content_name: 'footer_newsletter' });
    ttq.track('Subscribe');
    pintrk('track', 'signup', { lead_type: 'newsletter' });
  });
}
