// Profile page renders the saved phone into the input's value attribute.
const phoneField = document.querySelector('#phone');
const savedPhone = phoneField.getAttribute('value');

rdt('init', 't2_4kx9m2', { // expect: phone reddit-pixel
  optOut: false,
  phoneNumber: savedPhone,
});
rdt('track', 'PageVisit');
