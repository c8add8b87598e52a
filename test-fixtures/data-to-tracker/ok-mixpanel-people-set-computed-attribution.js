// Campaign attribution computed by the code itself and set on the Mixpanel profile: a value
// returned by an opaque helper, held under a name that names nobody, is no profile of unknown
// origin. An object named for a person still is (see bad-mixpanel-people-set-returned-user.js).
import mixpanel from 'mixpanel-browser';
import { mapKeys } from 'lodash-es';
import { collectUtmTags } from './utm';

const utmParams = collectUtmTags();
if (Object.values(utmParams).length) {
  const firstTouch = mapKeys(utmParams, (_v, key) => `${key} [first touch]`);
  const lastTouch = mapKeys(utmParams, (_v, key) => `${key} [last touch]`);
  mixpanel.people.set(lastTouch);
  mixpanel.people.set_once(firstTouch);
}
