// The configured wrapper, imported under another name.
import { trackEvent as send } from './lib/track';

const login = document.getElementById('acct-login').value;
send('signup', { who: login }); // expect: email custom-myco-analytics
send('view', { page: location.pathname });
