// The same helper with a product id: nothing personal, no finding.
import { track } from '#lib/track';

track(document.querySelector('#product-id').value);
