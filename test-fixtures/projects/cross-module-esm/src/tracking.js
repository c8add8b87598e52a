// The team's tracking helpers: the only file that names the SDKs.
export function trackSignup(email, plan) {
  analytics.identify({ email, plan }); // expect: email segment
  fbq('track', 'CompleteRegistration', { em: email }); // expect: email meta-pixel
}

export const trackPageView = (path) => gtag('event', 'page_view', { page_path: path });

export default {
  lead(props) {
    ttq.track('SubmitForm', props); // expect: phone tiktok-pixel
  },
};
