// Zendesk widget calls that carry no personal data: display, locale, departments, tags.
zE('webWidget', 'hide');
zE('webWidget', 'setLocale', document.documentElement.lang);
zE('webWidget', 'updateSettings', { webWidget: { chat: { departments: { select: 'sales' } } } });
zE('webWidget:on', 'open', function () {
  analyticsQueue.push('widget-open');
});
zE('messenger:set', 'conversationTags', ['checkout', 'premium']);
$zopim(function () {
  $zopim.livechat.addTags('plan-' + account.plan);
  $zopim.livechat.window.show();
});
window.zESettings = { webWidget: { color: { theme: '#78a300' }, offset: { horizontal: '100px' } } };
