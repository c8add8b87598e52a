import { useEffect } from 'react';
import posthog from 'posthog-js';

export default function AccountMenu({ account }) {
  useEffect(() => {
    if (!account) return;
    posthog.identify(account.id, { email: account.email, name: account.name }); // expect: email posthog, name posthog
  }, [account]);

  return (
    <nav className="account-menu">
      <a href="/account">My account</a>
    </nav>
  );
}
