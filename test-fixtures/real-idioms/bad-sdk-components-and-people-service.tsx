// SDK React components send their props; an injected Mixpanel People service is Mixpanel's
// People API; the 2.x snippet's people.identify takes the distinct id.
import React from 'react';
import Intercom from 'react-intercom';
import { IntercomProvider } from 'react-use-intercom';
import { MixpanelPeople } from '@ionic-native/mixpanel';

export function Support({ user }: { user: { id: string; email: string; name: string } }) {
  return (
    <IntercomProvider appId="abc123" autoBoot autoBootProps={{ email: user.email }}> {/* expect: email intercom */}
      <Intercom appID="abc123" user_id={user.id} name={user.name} /> {/* expect: name intercom */}
    </IntercomProvider>
  );
}

export class ProfileTracking {
  constructor(private people: MixpanelPeople) {}

  identify(user: { email: string; firstName: string }): void {
    this.people.set({ $email: user.email, $first_name: user.firstName }); // expect: email mixpanel, name mixpanel
  }
}

export function legacyIdentify(user: { email: string }) {
  mixpanel.people.identify(user.email); // expect: email mixpanel
}
