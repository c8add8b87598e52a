// Calls the wrapper through a relative import whose last segment is `analytics`.
import { event } from './analytics';

const email = document.querySelector('input[type=email]').value;
event('Signed up', { email });
