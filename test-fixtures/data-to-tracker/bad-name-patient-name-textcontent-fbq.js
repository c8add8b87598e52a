// Patient portal: the header shows "Welcome, <name>"; the portal-visit event copies it.
const header = document.querySelector('.portal-header');
const patientName = document.querySelector('.patient-name').textContent.trim();

if (header) {
  fbq('trackCustom', 'PortalVisit', { // expect: name meta-pixel
    section: 'dashboard',
    visitor: patientName,
  });
}
