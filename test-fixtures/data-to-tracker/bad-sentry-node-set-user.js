// Express error handler: attach the signed-in customer to the Sentry event.
const Sentry = require('@sentry/node');

Sentry.init({ dsn: process.env.SENTRY_DSN });

function errorHandler(err, req, res, next) {
  Sentry.setUser({ id: req.user.id, email: req.user.email }); // expect: email sentry-node
  Sentry.captureException(err, { extra: { phone: req.user.phone } }); // expect: phone sentry-node
  next(err);
}

module.exports = errorHandler;
