# app/assets/javascripts/views/checkout_view.js.coffee: a Backbone view that reports the order.
class App.Views.CheckoutView extends Backbone.View
  events:
    'submit form.checkout': 'onSubmit'
    'change #checkout_email': 'onEmailChange'

  initialize: (options) ->
    super(options)
    @customer = options.customer

  onEmailChange: (e) =>
    email = $('#checkout_email').val()
    fbq 'init', App.pixelId, em: email.trim().toLowerCase() # expect: email meta-pixel

  onSubmit: (e) =>
    order = @model.toJSON()
    gtag 'event', 'purchase',
      transaction_id: order.id
      value: order.total
    gtag 'set', 'user_data', # expect: phone google-tag
      phone_number: @customer.phone
