// A bare `name` is a person's when its object says so, also through generic containers
// (`currentUser.data.name`) and identity objects (`userIdentity`).
export const trackingMixin = {
  computed: {
    userIdentity() {
      return auth.retrieve('user');
    },
  },
  methods: {
    trackEvent(eventName) {
      const { id, name } = this.userIdentity;
      mixpanel.track(eventName, { distinct_id: id, name }); // expect: name mixpanel
    },
  },
};

export function identify(currentUser) {
  posthog.identify(currentUser.data.id, { name: currentUser.data.name }); // expect: name posthog
}
