// A normaliser whose parameter flows to its return value.
function norm(v) {
  return v.trim().toLowerCase();
}

const emailInput = document.querySelector('#email');
document.querySelector('#register').addEventListener('click', () => {
  pintrk('load', '2613987654321', { em: norm(emailInput.value) }); // expect: email pinterest-tag
  pintrk('page');
});
