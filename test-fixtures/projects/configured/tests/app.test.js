// Exempt by the override: no finding is expected here.
const login = document.getElementById('acct-login').value;
myco.track('signup', { who: login });
