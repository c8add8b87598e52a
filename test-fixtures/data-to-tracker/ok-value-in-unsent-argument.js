// Multi-region store: the pixel id is picked from the shipping country.
// Only argument 2 of fbq('init') carries user data; the pixel id is not a data argument.
import { pixelIdForCountry } from './regions.js';

const shippingCountry = document.getElementById('shipping-country').value;

fbq('init', pixelIdForCountry(shippingCountry));
fbq('track', 'PageView');
