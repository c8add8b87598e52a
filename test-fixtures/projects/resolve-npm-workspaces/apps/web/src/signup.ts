// Names no SDK: the email reaches the pixel through `@acme/analytics`.
import { track } from '@acme/analytics';

track(document.querySelector('input[type=email]').value);
