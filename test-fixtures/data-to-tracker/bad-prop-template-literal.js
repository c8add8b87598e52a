// Support chat: the event label is built with a template literal.
const user = window.__INITIAL_STATE__.user;

document.getElementById('open-chat').addEventListener('click', () => {
  mixpanel.track('Support Chat Opened', { // expect: name mixpanel, email mixpanel
    label: `${user.firstName} <${user.email}>`,
    page: 'help_center',
  });
});
