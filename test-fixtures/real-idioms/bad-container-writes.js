// Containers filled by method calls carry what was put in them: arrays (push/unshift), Map and
// URLSearchParams (set/append), and vendor property maps (LeadBoxer's OTMap.put).
function signupEvents() {
  var email = document.getElementById('email').value;
  var recipients = [];
  recipients.push(email);
  analytics.track('Invited', { recipients: recipients }); // expect: email segment

  var props = new Map();
  props.set('contact', email);
  mixpanel.track('Signup', props); // expect: email mixpanel

  var query = new URLSearchParams();
  query.append('ph', document.getElementById('phone').value);
  navigator.sendBeacon('https://www.facebook.com/tr?id=1&ev=Lead&' + query.toString()); // expect: phone meta-pixel
}

function leadForm() {
  var map = new OTMap();
  map.put('email', document.querySelector('input[type=email]').value);
  map.put('page', location.pathname);
  OTLogService.sendEvent('Contact form sent', map, false); // expect: email leadboxer
}

class Queue {
  constructor() {
    this.pending = [];
  }
  remember() {
    this.pending.push({ email: document.getElementById('email').value });
  }
  flush() {
    analytics.track('Queued', { items: this.pending }); // expect: email segment
  }
}
