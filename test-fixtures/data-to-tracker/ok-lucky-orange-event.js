// Lucky Orange: tag the session with the plan, not the person.
window.LOQ = window.LOQ || [];
window.LOQ.push(['ready', async (LO) => {
  LO.events.track('Plan viewed', { plan: 'pro' });
}]);
