// Fichier enregistré en Latin-1 (ISO-8859-1), pas en UTF-8.
const greeting = 'Bienvenue, chère cliente, à bientôt';
document.querySelector('.greeting').textContent = greeting;
fbq('track', 'PageView');
gtag('event', 'page_view', { page_title: 'Café crème' });
