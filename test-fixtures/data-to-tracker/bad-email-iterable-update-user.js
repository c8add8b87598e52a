// Iterable Web SDK: identify the user and keep the profile up to date.
import { initialize, updateUser, track } from '@iterable/web-sdk';

const { setEmail } = initialize(process.env.ITERABLE_KEY, generateJWT);

export function onLogin(user) {
  setEmail(user.email); // expect: email iterable
  updateUser({ dataFields: { firstName: user.firstName, plan: user.plan } }); // expect: name iterable
  track({ eventName: 'address_saved', dataFields: { zip: document.getElementById('postal-code').value } }); // expect: address iterable
}
