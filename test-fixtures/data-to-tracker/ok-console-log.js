// Local debugging output is not a tracker.
const emailInput = document.querySelector('#email');

emailInput.addEventListener('change', () => {
  const email = emailInput.value;
  console.log('email changed', email);
  console.debug({ email });
});
