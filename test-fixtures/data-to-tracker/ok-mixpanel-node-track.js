// Server: a job counter, no customer data.
const mixpanel = require('mixpanel').init(process.env.MIXPANEL_TOKEN);

function jobFinished(name, ms) {
  mixpanel.track('job finished', { distinct_id: 'scheduler', job: name, duration_ms: ms });
}

module.exports = jobFinished;
