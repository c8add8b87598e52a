// Klaviyo legacy queue: identify from the cookie the marketing site sets.
import Cookies from 'js-cookie';

const email = Cookies.get('email');
window._learnq = window._learnq || [];

if (email) {
  _learnq.push(['identify', { $email: email }]); // expect: email klaviyo
}
