# app/assets/javascripts/tracking/account_tracking.js.coffee: keeps the Mixpanel profile of the
# signed-in account up to date.
window.AccountTracking =
  init: (account) ->
    @account = account
    @plan = account.get 'plan'
    @syncProfile() if mixpanel?

  syncProfile: ->
    email = @account.get 'email'
    mixpanel.identify @account.id
    mixpanel.name_tag email # expect: email mixpanel
    mixpanel.people.set # expect: email mixpanel, phone mixpanel
      $email: email
      $phone: @account.get('phone_number')
      plan: @plan
    mixpanel.track 'Profile synced', plan: @plan

  rename: (firstName, lastName) ->
    fullName = "#{firstName} #{lastName}"
    mixpanel.people.set '$name', fullName unless fullName is @lastName # expect: name mixpanel
    @lastName = fullName
