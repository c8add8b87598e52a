// Home page: every tracker call carries constants only.
fbq('init', '731994520118327');
fbq('track', 'PageView');
gtag('config', 'G-7QX2PL0R5M', { send_page_view: true });
gtag('event', 'view_item_list', { item_list_id: 'home_featured', item_list_name: 'Featured' });
ttq.page();
snaptr('track', 'PAGE_VIEW');
analytics.page('Home');
mixpanel.track('Home Viewed', { variant: 'b' });
