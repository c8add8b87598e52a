// Tidio: identify the customer before the chat code loads, update them after.
document.tidioIdentify = { // expect: email tidio, name tidio
  distinct_id: customer.id,
  email: customer.email,
  name: customer.firstName,
};

function onTidioChatApiReady() {
  window.tidioChatApi.setVisitorData({ phone: customer.phone, country: customer.country }); // expect: phone tidio
}
document.addEventListener('tidioChat-ready', onTidioChatApiReady);
