// Crazy Egg user variables: the plan and the A/B variant.
CE2.set(1, 'pro');
CE2.set(2, window.__VARIANT__ === 'b' ? 'B' : 'A');
window.CE_SNAPSHOT_NAME = 'Pricing page';
