// Order status page: Pinterest custom event when the shipment panel is shown.
const shipment = window.__ORDER_STATUS__.shipment;

document.getElementById('shipment-panel').addEventListener('toggle', () => {
  pintrk('track', 'custom', { // expect: tracking-number pinterest-tag
    event_id: 'shipment-viewed',
    tracking_number: shipment.trackingNumber,
    carrier: shipment.carrier,
  });
});
