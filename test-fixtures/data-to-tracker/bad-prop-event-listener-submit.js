// The submit event's target is the form: its named elements are read from the event.
const signup = document.getElementById('signup-form');

signup.addEventListener('submit', function (event) {
  const form = event.target;
  const phone = form.elements.phone.value;
  snaptr('track', 'SIGN_UP', { user_phone_number: phone }); // expect: phone snap-pixel
});
