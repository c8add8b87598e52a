// `this`: fields set in the constructor or in methods, SDK handles injected by type or kept in
// fields, optional calls on them, and prototype methods reading fields.
import { PostHog } from 'posthog-js';

export class Tracker {
  private user: { email: string } | null = null;
  private _instance: any;
  private fbq: any;
  constructor(private posthog: PostHog) {}
  login(user) {
    this.user = user;
    this.identify();
  }
  identify() {
    this.posthog.identify('x', { email: this.user?.email }); // expect: email posthog
  }
  setup() {
    this._instance = posthog.init('phc_key', {});
    this.fbq = window.fbq;
  }
  send(email) {
    this._instance?.capture('lead', { contact: email }); // expect: email posthog
    this.fbq('init', '1', { em: document.getElementById('email').value }); // expect: email meta-pixel
  }
}

function Widget(el) {
  this.el = el;
}
Widget.prototype.submit = function () {
  analytics.identify({ email: this.el.querySelector('[name=email]').value }); // expect: email segment
};
