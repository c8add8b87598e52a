// AdRoll: the buyer's email for audience matching, and on the purchase event.
var buyer = window.__ORDER__.billing;
adroll_adv_id = 'ABCDEFGHIJKLMNOP';
adroll_pix_id = 'QRSTUVWXYZ012345';
adroll_email = buyer.email; // expect: email adroll
adroll.track('purchase', { conversion_value: 49, currency: 'USD', user_email: buyer.email }); // expect: email adroll
__adroll.record_user({ adroll_segments: 'checkout', phone: buyer.phone }); // expect: phone adroll
