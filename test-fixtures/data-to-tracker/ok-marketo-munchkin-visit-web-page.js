// Marketo Munchkin calls that carry no personal data: init and page visits.
Munchkin.init('123-ABC-456');
Munchkin.munchkinFunction('visitWebPage', { url: '/pricing', params: 'plan=pro' });
Munchkin.munchkinFunction('clickLink', { href: '/download' });
