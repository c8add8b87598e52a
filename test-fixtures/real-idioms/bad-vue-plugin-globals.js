// Vue and Nuxt plugins expose the SDKs as `$` globals on every component.
export default {
  data: () => ({ form: { email: '' } }),
  methods: {
    loggedIn(user) {
      this.$posthog.identify(user.id, { email: user.email }); // expect: email posthog
      this.$gtag.event('login', { method: 'password', user_email: this.form.email }); // expect: email google-tag
      this.$mixpanel.people.set({ $email: user.email }); // expect: email mixpanel
    },
  },
};

// Vue 3: a plugin global reached through the app's globalProperties.
import { createApp } from 'vue';
const app = createApp({});
const signupEmail = document.querySelector('input[type=email]').value;
app.config.globalProperties.$posthog.capture('Signed up', { email: signupEmail }); // expect: email posthog
