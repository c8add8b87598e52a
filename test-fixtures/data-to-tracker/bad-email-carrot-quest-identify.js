// Carrot quest: pass the signed-in user's contact details.
export function onLogin(user) {
  carrotquest.identify([ // expect: email carrot-quest
    { op: 'update_or_create', key: '$email', value: user.email },
    { op: 'update_or_create', key: 'plan', value: user.plan },
  ]);
  carrotquest.identify({ $phone: document.getElementById('phone').value }); // expect: phone carrot-quest
}
