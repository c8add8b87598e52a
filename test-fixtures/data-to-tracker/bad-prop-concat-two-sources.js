// Two form fields are joined into one display name: two source reads reach one key.
const first = document.getElementById('first-name').value;
const last = document.getElementById('last-name').value;
const fullName = first + ' ' + last;

FS('setIdentity', { // expect: name fullstory, name fullstory
  uid: window.APP.userId,
  properties: { displayName: fullName },
});
