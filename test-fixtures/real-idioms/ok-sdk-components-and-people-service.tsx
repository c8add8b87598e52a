// SDK components given ids and settings only, and other components given personal data,
// stay quiet.
import React from 'react';
import Intercom from 'react-intercom';
import { MixpanelPeople } from '@ionic-native/mixpanel';

function Avatar(props: { email: string }) {
  return <img alt={props.email} src="/avatar.png" />;
}

export function Support({ user }: { user: { id: string; email: string } }) {
  return (
    <div>
      <Intercom appID="abc123" user_id={user.id} hide_default_launcher />
      <Avatar email={user.email} />
    </div>
  );
}

export class ProfileTracking {
  constructor(private people: MixpanelPeople) {}

  identify(user: { id: string; plan: string }): void {
    this.people.set({ plan: user.plan, $created: new Date() });
  }
}
