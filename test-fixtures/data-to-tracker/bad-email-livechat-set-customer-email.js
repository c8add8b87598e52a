// LiveChat: fill in the customer's details once they are known.
export function onCheckoutStep(form) {
  const email = form.querySelector('#email').value;
  LiveChatWidget.call('set_customer_email', email); // expect: email livechat
  LiveChatWidget.call('set_customer_name', form.querySelector('#full-name').value); // expect: name livechat
  LiveChatWidget.call('set_session_variables', { cart: '3 items', phone: form.querySelector('#phone').value }); // expect: phone livechat
}
