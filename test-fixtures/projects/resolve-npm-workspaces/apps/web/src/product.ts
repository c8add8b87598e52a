// The same helper with a product id: nothing personal, no finding.
import { track } from '@acme/analytics';

track(document.querySelector('#product-id').value);
