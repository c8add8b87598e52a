// Booking flow: the phone saved on step 1 is sent to Microsoft Ads enhanced conversions.
const phone = sessionStorage.getItem('phone');

window.uetq = window.uetq || [];
if (phone) {
  window.uetq.push('set', { pid: { ph: phone } }); // expect: phone microsoft-uet
}
window.uetq.push('event', 'booking_started', { event_category: 'booking' });
