// Marketing Cloud collect code: identify the logged-in shopper.
var _etmc = _etmc || [];

export function onUserData(data) {
  _etmc.push(['setOrgId', '514007805']);
  _etmc.push(['setUserInfo', { email: data.email }]); // expect: email salesforce-marketing-cloud
  _etmc.push(['trackPageView']);
}
