// A helper defined in the same file; its parameter reaches the pixel.
function trackLead(email) {
  fbq('track', 'Lead', { em: email }); // expect: email meta-pixel
}

document.getElementById('signup-form').addEventListener('submit', () => {
  trackLead(document.getElementById('email').value);
});
