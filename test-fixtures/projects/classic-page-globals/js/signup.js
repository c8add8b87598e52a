// Names no tracker: it calls the page's tracking functions.
document.getElementById('signup').addEventListener('submit', function () {
  var email = document.getElementById('email').value;
  trackSignup(email, 'free');
  trackPage(location.pathname);
});
