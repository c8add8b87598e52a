// Names no SDK: the email reaches the pixel through `#lib/track`.
import { track } from '#lib/track';

track(document.querySelector('input[type=email]').value);
