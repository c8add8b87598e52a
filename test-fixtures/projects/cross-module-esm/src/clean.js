// Uses the helpers with data that is not personal.
import { trackPageView } from './tracking.js';

trackPageView('/pricing');
