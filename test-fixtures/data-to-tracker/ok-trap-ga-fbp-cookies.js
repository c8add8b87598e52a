// Analytics client ids from first-party cookies are not personal data in this model.
import Cookies from 'js-cookie';

const gaClientId = Cookies.get('_ga');
const fbp = Cookies.get('_fbp');

dataLayer.push({
  event: 'ids_ready',
  ga_client_id: gaClientId,
  fbp: fbp,
});
