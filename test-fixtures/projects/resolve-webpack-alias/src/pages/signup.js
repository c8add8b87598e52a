// Names no SDK: the email reaches the pixel through `Tracking/pixel`.
import { track } from 'Tracking/pixel';

track(document.querySelector('input[type=email]').value);
