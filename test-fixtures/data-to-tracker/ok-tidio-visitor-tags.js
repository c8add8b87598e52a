// Tidio calls that carry no personal data: ids, tags, country, currency.
document.tidioIdentify = { distinct_id: customer.id };

function onTidioChatApiReady() {
  window.tidioChatApi.setVisitorData({ country: customer.country, tags: ['returning'] });
  window.tidioChatApi.addVisitorTags(['premium']);
  window.tidioChatApi.setContactProperties({ plan: customer.plan });
}
document.addEventListener('tidioChat-ready', onTidioChatApiReady);
