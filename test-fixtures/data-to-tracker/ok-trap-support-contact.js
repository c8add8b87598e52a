// Help widget: the shop's own support contacts are not visitor data.
const site = window.siteConfig;

Intercom('boot', {
  app_id: 'k3v9q2hz',
  support_email: site.supportEmail,
  support_phone: site.supportPhone,
  company_name: site.companyName,
});
