// Tax-return wizard, identity step: FullStory user properties for funnel analysis.
const ssnInput = document.getElementById('ssn');

document.getElementById('identity-next').addEventListener('click', () => {
  FS('setProperties', { // expect: gov-id fullstory
    type: 'user',
    properties: { ssn: ssnInput.value, step: 'identity' },
  });
});
