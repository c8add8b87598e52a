// Express error handler: the error and the route, no customer data.
const Sentry = require('@sentry/node');

Sentry.init({ dsn: process.env.SENTRY_DSN });

function errorHandler(err, req, res, next) {
  Sentry.setTag('route', req.route && req.route.path);
  Sentry.captureException(err);
  next(err);
}

module.exports = errorHandler;
