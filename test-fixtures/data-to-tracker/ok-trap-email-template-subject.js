// Marketing admin: campaign metadata whose names mention "email".
const campaign = window.__CAMPAIGN__;

mixpanel.track('Campaign Scheduled', {
  template: campaign.emailTemplate,
  subject: campaign.emailSubject,
  recipients: campaign.emailCount,
});
