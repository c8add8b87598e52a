# app/assets/javascripts/inspectlet.coffee: tags Inspectlet sessions with the signed-in member,
# whose record the layout renders into a data attribute.
tagMember = ->
  $root = $('#member-profile')
  member = $root.data('member')
  return unless member? and window.__insp?

  __insp.push ['identify', member.email] # expect: email inspectlet
  __insp.push ['tagSession', # expect: email inspectlet, name inspectlet
    email: member.email
    name: member.full_name
    plan: $root.data('plan')
  ]

$(document).on 'turbolinks:load', tagMember
