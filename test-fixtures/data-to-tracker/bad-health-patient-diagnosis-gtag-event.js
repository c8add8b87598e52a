// Clinic site: "Book appointment" buttons report the booking to GA4.
const patient = window.portal.patient;

document.querySelectorAll('.book-appointment').forEach((button) => {
  button.addEventListener('click', () => {
    gtag('event', 'appointment_booked', { // expect: health google-tag
      department: button.dataset.department,
      reason: patient.diagnosis,
    });
  });
});
