// Functions the analysis cannot see into return what they were given; accessors whose key or
// name says what they return are sources.
import { pick, merge, cloneDeep, get } from 'lodash';
import { cleanup } from 'string-helpers';

export function track(user, state, traits) {
  const email = document.getElementById('email').value;
  analytics.track('a', pick(user, ['email', 'plan'])); // expect: email segment
  analytics.track('b', { contact: cleanup(email) }); // expect: email segment
  analytics.track('c', Object.assign({}, { email }, { plan: 'pro' })); // expect: email segment
  analytics.track('d', merge({}, { contact: email })); // expect: email segment
  analytics.track('e', cloneDeep({ contact: email })); // expect: email segment
  analytics.track('f', JSON.parse(JSON.stringify({ contact: email }))); // expect: email segment
  analytics.track('g', { v: get(user, 'profile.email') }); // expect: email segment
  analytics.track('h', { v: user.get('email') }); // expect: email segment
  analytics.track('i', { v: user.getIn(['profile', 'phone']) }); // expect: phone segment
  analytics.track('j', { v: getEmail() }); // expect: email segment
  analytics.track('k', { v: selectUserEmail(state) }); // expect: email segment
  analytics.track('l', { v: traits.email() }); // expect: email segment
  const payload = {};
  const key = 'contact';
  payload[key] = email;
  analytics.track('m', payload); // expect: email segment
}
