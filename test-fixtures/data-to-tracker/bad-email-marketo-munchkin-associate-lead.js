// Marketo: tie this browser's activity to the lead who filled in the form.
form.addEventListener('submit', function () {
  Munchkin.munchkinFunction('associateLead', { Email: form.querySelector('#email').value, FirstName: form.querySelector('#first-name').value }, leadHash); // expect: email marketo-munchkin, name marketo-munchkin
});
