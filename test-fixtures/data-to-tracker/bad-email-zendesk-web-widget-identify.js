// Help widget: identify the signed-in customer and prefill the contact form.
export function identifyForSupport(customer) {
  zE('webWidget', 'identify', { name: customer.name, email: customer.email }); // expect: email zendesk-web-widget, name zendesk-web-widget
  zE('webWidget', 'prefill', { phone: { value: customer.phone, readOnly: true } }); // expect: phone zendesk-web-widget
}

// Zendesk Chat (Zopim) pages.
$zopim(function () {
  $zopim.livechat.setEmail(document.getElementById('email').value); // expect: email zendesk-web-widget
});

// Legacy API.
zE(function () {
  zE.identify({ name: currentUser.fullName, organization: currentUser.company }); // expect: name zendesk-web-widget
});
