// Lucky Orange: name the recording after the signed-in customer.
window.LOQ = window.LOQ || [];
window.LOQ.push(['ready', async (LO) => {
  await LO.$internal.ready('visitor');
  const account = window.__ACCOUNT__;
  LO.visitor.identify(account.id, { email: account.email, name: account.fullName }); // expect: email lucky-orange, name lucky-orange
}]);

// The classic script's custom data.
window._loq = window._loq || [];
_loq.push(['custom', { email: document.getElementById('email').value }]); // expect: email lucky-orange
