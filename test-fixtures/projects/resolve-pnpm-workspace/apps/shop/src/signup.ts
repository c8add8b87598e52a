// Names no SDK: the email reaches the pixel through `@acme/tracking/meta`.
import { track } from '@acme/tracking/meta';

track(document.querySelector('input[type=email]').value);
