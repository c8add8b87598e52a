// Names no SDK: the email reaches the pixel through `@analytics/track`.
import { track } from '@analytics/track';

track(document.querySelector('input[type=email]').value);
