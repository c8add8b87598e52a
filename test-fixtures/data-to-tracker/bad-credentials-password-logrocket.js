// Login page: a debugging log left in production records the typed password.
const loginForm = document.getElementById('login-form');

loginForm.addEventListener('submit', () => {
  const password = document.querySelector('input[type=password]').value;
  LogRocket.log('login submitted', { // expect: credentials logrocket
    username: loginForm.elements.username.value,
    pw: password,
  });
});
