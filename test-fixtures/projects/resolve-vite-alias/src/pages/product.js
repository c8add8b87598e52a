// The same helper with a product id: nothing personal, no finding.
import { track } from '@utils/track';

track(document.querySelector('#product-id').value);
