// Olark: copy the contact form into the chat visitor's details.
document.getElementById('contact').addEventListener('submit', function () {
  olark('api.visitor.updateEmailAddress', { emailAddress: document.getElementById('email').value }); // expect: email olark
  olark('api.visitor.updateFullName', { fullName: document.getElementById('name').value }); // expect: name olark
  olark('api.visitor.updatePhoneNumber', { phoneNumber: document.getElementById('phone').value }); // expect: phone olark
});
