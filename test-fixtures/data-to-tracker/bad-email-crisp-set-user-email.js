// Support chat: hand the signed-in customer's contact details to the Crisp chatbox.
import { Crisp } from 'crisp-sdk-web';

window.$crisp = [];
window.CRISP_WEBSITE_ID = 'a1b2c3d4-0000-4000-8000-000000000000';

export function onAccountLoaded(account) {
  $crisp.push(['set', 'user:email', [account.email]]); // expect: email crisp
  window.$crisp.push(['set', 'user:nickname', [account.fullName]]); // expect: name crisp
  $crisp.push(['set', 'session:data', [[['plan', account.plan], ['phone', account.phone]]]]); // expect: phone crisp
}

export function onProfileForm() {
  const phone = document.getElementById('phone').value;
  Crisp.user.setPhone(phone); // expect: phone crisp
  Crisp.session.setData({ plan: 'pro', contact_email: document.querySelector('#email').value }); // expect: email crisp
}
