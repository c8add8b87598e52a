// Appcues calls that carry no personal data: ids, roles, account plan.
export function identifyAppcues(user, account) {
  window.Appcues.identify(user.id, { role: user.role, createdAt: user.createdAt });
  Appcues.group(account.id, { plan_level: account.plan, employee_count: account.size });
  Appcues.track('Report exported', { format: 'pdf' });
  Appcues.page();
}
