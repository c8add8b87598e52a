// One helper, two call sites with two different sources: one finding per call site.
const signupForm = document.getElementById('signup-form');

function identifyVisitor(email) {
  ttq.identify({ email }); // expect: email tiktok-pixel, email tiktok-pixel
}

signupForm.addEventListener('submit', () => identifyVisitor(signupForm.elements.email.value));
$('#newsletter-form').on('submit', () => identifyVisitor($('#newsletter-email').val()));
