// Campaign attribution from the query string: UTM parameters are not personal data.
const params = new URLSearchParams(location.search);

export const campaign = {
  source: params.get('utm_source'),
  medium: params.get('utm_medium'),
  name: params.get('utm_campaign'),
};

dataLayer.push({ event: 'campaign_landing', ...campaign });
