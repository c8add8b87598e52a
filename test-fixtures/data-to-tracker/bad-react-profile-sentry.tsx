import * as Sentry from '@sentry/react';
import { useEffect } from 'react';
import { useSession } from './auth';

export function ProfilePage(): JSX.Element {
  const { user } = useSession();

  useEffect(() => {
    if (user) {
      Sentry.setUser({ id: user.id, email: user.email }); // expect: email sentry
    }
  }, [user]);

  return <h1 className="profile-title">Your profile</h1>;
}
