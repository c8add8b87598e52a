// HubSpot chat: identify the signed-in visitor to the chat widget.
export function loadChat(visitor, token) {
  window.hsConversationsSettings = { identificationEmail: visitor.email, identificationToken: token }; // expect: email hubspot
  window.HubSpotConversations.widget.load();
}
