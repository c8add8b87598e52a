// Product tours: start Pendo with the signed-in visitor and their account.
export function startPendo(user, account) {
  pendo.initialize({ // expect: email pendo, name pendo
    visitor: {
      id: user.id,
      email: user.email,
      full_name: user.fullName,
    },
    account: { id: account.id, planLevel: account.plan },
  });
}

export function onProfileSaved(user) {
  window.pendo.updateOptions({ visitor: { id: user.id, phone: user.phone } }); // expect: phone pendo
}
