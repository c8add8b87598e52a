// Names no SDK: the email reaches the pixel through `kit.alias`.
import { identify } from '$analytics/identify';

identify(document.querySelector('input[type=email]').value);
