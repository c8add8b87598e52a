// Dashboard analytics: the delivery line and packages are scraped from templates/dashboard.html.
document.addEventListener('DOMContentLoaded', () => {
  const addressLine = document.querySelector('#addr-line').innerText.trim();
  const town = document.getElementById('town').textContent;
  const firstPackage = document.querySelector('.pkg-ref').textContent;
  const mailCount = parseInt(document.getElementById('mail-count').textContent, 10);

  fbq('trackCustom', 'DashboardView', { delivery_line: addressLine }); // expect: address meta-pixel
  lintrk('track', { conversion_id: 9912345, line: addressLine }); // expect: address linkedin-insight
  snaptr('track', 'PAGE_VIEW', { description: addressLine + ', ' + town }); // expect: address snap-pixel, address snap-pixel
  pintrk('track', 'pagevisit', { package: firstPackage }); // expect: tracking-number pinterest-tag
  gtag('event', 'dashboard_view', { mailpieces: mailCount });
});
