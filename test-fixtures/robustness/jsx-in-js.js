// Valid JSX in a plain .js file, as bundlers accept it, with a real leak.
import { useEffect } from 'react';

export function Welcome({ user }) {
  useEffect(() => {
    window.Intercom('boot', { app_id: 'k3v9q2hz', email: user.email }); // expect: email intercom
  }, [user]);

  return (
    <section className="welcome">
      <h2>Hi {user.firstName}!</h2>
    </section>
  );
}
