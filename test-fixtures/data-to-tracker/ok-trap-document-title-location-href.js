// Manual page view for a single-page app: the title and plain URL only.
function sendPageView() {
  gtag('event', 'page_view', {
    page_title: document.title,
    page_location: location.href,
  });
}

window.addEventListener('popstate', sendPageView);
sendPageView();
