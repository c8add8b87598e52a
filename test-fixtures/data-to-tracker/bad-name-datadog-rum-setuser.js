// Datadog RUM (CDN build): set the user once the SDK is ready.
const member = window.MEMBER_DATA;

window.DD_RUM && window.DD_RUM.onReady(() => {
  window.DD_RUM.setUser({ // expect: name datadog-rum
    id: member.id,
    name: member.fullName,
  });
});
