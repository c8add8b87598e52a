// On every page: re-identify the visitor to TikTok from what the login page stored.
const storedEmail = localStorage.getItem('user_email');

if (storedEmail) {
  ttq.identify({ // expect: email tiktok-pixel
    email: storedEmail,
    external_id: localStorage.getItem('visitor_id'),
  });
}
