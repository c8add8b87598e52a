// Microsoft Clarity: the docs' "custom id" example, filled with the account email.
const account = window.__ACCOUNT__;

window.addEventListener('DOMContentLoaded', () => {
  if (account && account.email) {
    clarity('identify', account.email); // expect: email microsoft-clarity
  }
});
