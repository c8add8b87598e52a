// The same helper with a product id: nothing personal, no finding.
import { track } from 'Tracking/pixel';

track(document.querySelector('#product-id').value);
