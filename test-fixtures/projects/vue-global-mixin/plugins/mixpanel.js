// A Nuxt plugin gives every component tracking methods through a global mixin.
import Vue from 'vue';
import mixpanel from 'mixpanel-browser';

Vue.mixin({
  created() {
    mixpanel.init('token');
  },
  methods: {
    mixpanelTrack(trackedEvent, data = null) {
      if (data) {
        mixpanel.track(trackedEvent, data); // expect: email mixpanel, name mixpanel
      } else {
        mixpanel.track(trackedEvent);
      }
    },
    mixpanelSetNewPeople(data) {
      mixpanel.people.set(data); // expect: email mixpanel
    },
  },
});

Vue.prototype.$identify = function (id, traits) {
  window.analytics.identify(id, traits); // expect: phone segment
};
