// Team invites: the invited address is pushed inside an array.
const inviteInput = document.getElementById('invite-email');

document.getElementById('send-invite').addEventListener('click', () => {
  const invitees = [inviteInput.value];
  dataLayer.push({ // expect: email google-tag-manager
    event: 'invite_sent',
    invitees: invitees,
    count: invitees.length,
  });
});
