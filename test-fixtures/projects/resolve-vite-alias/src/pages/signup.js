// Names no SDK: the email reaches the pixel through `@utils/track`.
import { track } from '@utils/track';

track(document.querySelector('input[type=email]').value);
