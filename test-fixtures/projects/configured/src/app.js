// Custom sink, custom source names and functions, and a sanitizer from overshare.toml.
const login = document.getElementById('acct-login').value;
myco.track('signup', { who: login }); // expect: email custom-myco-analytics
myco.track('signup', { who: redact(login) });
fbq('track', 'Lead', { em: getCurrentUserEmail() }); // expect: email meta-pixel
myco.track('view', { page: location.pathname });
