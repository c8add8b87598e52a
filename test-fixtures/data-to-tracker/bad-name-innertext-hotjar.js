// Order confirmation page: greet the shopper in Hotjar recordings by name.
const USER_ID = window.APP.userId;
const greeting = document.querySelector('.customer-name');

window.addEventListener('load', () => {
  const shopper = greeting.innerText;
  hj('identify', USER_ID, { shopper }); // expect: name hotjar
});
