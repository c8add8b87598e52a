// HubSpot chat settings that carry no personal data.
window.hsConversationsSettings = { loadImmediately: false, inlineEmbedSelector: '#chat', enableWidgetCookieBanner: true };
window.HubSpotConversations.widget.load({ widgetOpen: false });
