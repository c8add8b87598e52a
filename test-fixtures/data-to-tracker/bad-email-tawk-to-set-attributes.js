// tawk.to: pass the signed-in visitor's details to the chat widget.
var Tawk_API = Tawk_API || {};

Tawk_API.onLoad = function () {
  Tawk_API.setAttributes({ name: window.currentUser.name, email: window.currentUser.email, hash: window.currentUser.tawkHash }, function () {}); // expect: email tawk-to, name tawk-to
};

Tawk_API.visitor = { email: document.getElementById('email').value }; // expect: email tawk-to
