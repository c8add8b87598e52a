# app/assets/javascripts/analytics/pageviews.coffee: page views and ids only.
###
The old version sent the address, kept for reference:
  mixpanel.identify currentUser.email
  analytics.identify currentUser.id, email: currentUser.email
###
class PageTracker
  constructor: (@userId) ->

  track: (page) =>
    analytics.page page, path: location.pathname
    analytics.identify @userId
    mixpanel.register plan: 'free', source: 'web'
    console.debug "not sent: analytics.identify(user.email, {email: user.email})"

# analytics.identify(user.id, {email: user.email})
$ ->
  new PageTracker($('body').data('user-id')).track 'home'
