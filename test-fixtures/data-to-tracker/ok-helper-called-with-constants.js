// A tracking helper whose only call sites pass constants.
function trackLead(source) {
  fbq('track', 'Lead', { content_category: source });
}

document.getElementById('newsletter-form').addEventListener('submit', () => {
  trackLead('newsletter');
});
document.getElementById('demo-form').addEventListener('submit', () => trackLead('demo_request'));
