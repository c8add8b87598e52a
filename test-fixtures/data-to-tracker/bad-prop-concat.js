// "Email us" link: Heap gets the mailto target, built by string concatenation.
const email = $('#email').val();
const link = document.getElementById('contact-link');

link.addEventListener('click', () => {
  heap.track('Contact Clicked', { target: 'mailto:' + email }); // expect: email heap
});
