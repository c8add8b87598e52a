// Pendo calls that carry no personal data: visitor and account ids, roles, plans.
export function startPendo(user, account) {
  pendo.initialize({
    visitor: { id: user.id, role: user.role },
    account: { id: account.id, planLevel: account.plan, is_paying: account.paying },
  });
  pendo.identify(user.id, account.id);
  pendo.updateOptions({ visitor: { id: user.id, lastPage: location.pathname } });
}
