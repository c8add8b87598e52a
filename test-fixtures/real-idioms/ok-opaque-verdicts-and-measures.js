// Verdicts and measures of personal data are not the data; a response's other properties are
// not what the request carried.
export async function track(form) {
  const email = document.getElementById('email').value;
  analytics.track('checked', {
    valid: isValidEmail(email),
    known: hasAccount(email),
    n: email.length,
    chars: emailLength(email),
    domains: countDomains(email),
    filled: Boolean(email),
    corporate: email.endsWith('@acme.com'),
    at: email.includes('@'),
    same: email === form.dataset.previous,
  });
  const account = await lookupAccount(email);
  analytics.track('found', { plan: account.plan, seats: account.seats });
  fetch('/api/exists?e=' + encodeURIComponent(email))
    .then((r) => r.json())
    .then((data) => analytics.track('exists', { exists: data.exists }));
}
