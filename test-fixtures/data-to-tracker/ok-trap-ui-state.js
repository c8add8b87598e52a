// UI state, layout regions and device type: no address or phone here.
const app = window.__APP_STORE__;
const isMobile = window.matchMedia('(max-width: 600px)').matches;

clarity('set', 'layout', isMobile ? 'mobile' : 'desktop');
clarity('set', 'app_state', app.state);
clarity('set', 'map_region', app.map.region);
clarity('event', 'dashboard_loaded');
