// Woopra calls that carry no personal data: configuration, ids, event names.
woopra.config({ domain: 'example.com' });
woopra.identify({ id: currentUser.id, plan: currentUser.plan });
woopra.track('pv', { url: location.pathname, title: document.title });
woopra.track('download', { file: 'whitepaper.pdf' });
