// A wrapper whose parameter is named for personal data sends that data, as far as its own body
// can tell, even when no caller is in sight (a Vue plugin's methods, a default export).
export default {
  install(Vue) {
    Vue.mixin({
      methods: {
        mixpanelIdentify(email) {
          mixpanel.identify(email); // expect: email mixpanel
        },
      },
    });
  },
};

export const initHotjar = (userEmail = null, siteId) => {
  const userId = userEmail || 'anonymous';
  hj('identify', userId, { site: siteId }); // expect: email hotjar
};

export function identify(email) {
  window.analytics.identify(email, { email }); // expect: email segment, email segment
}

export function setBuyer(fullName, customerPhone) {
  posthog.setPersonProperties({ buyer: fullName, tel: customerPhone }); // expect: name posthog, phone posthog
}
