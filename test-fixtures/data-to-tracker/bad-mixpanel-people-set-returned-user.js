// The profile object comes from a helper we cannot see into, but its name says whose it is:
// Mixpanel defines its profile properties as the person's email and name.
import mixpanel from 'mixpanel-browser';
import { loadAccount } from './session';

const currentUser = loadAccount();
mixpanel.people.set(currentUser); // expect: email mixpanel, name mixpanel
