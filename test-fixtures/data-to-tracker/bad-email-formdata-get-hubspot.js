// Contact form: identify the visitor to HubSpot before the page view is sent.
const form = document.querySelector('#contact-form');

form.addEventListener('submit', () => {
  const data = new FormData(form);
  _hsq.push(['identify', { email: data.get('email') }]); // expect: email hubspot
  _hsq.push(['trackPageView']);
});
