// Parameters whose names do not hold personal data stay quiet: a bare `name` is not a person's
// name, counts, flags and ids are not the data itself.
export function trackView(viewName, name, id, userId, emailCount, hasEmail, isEmailVerified, emailTemplate) {
  analytics.track('View', { viewName, name, id, userId, emailCount, hasEmail, isEmailVerified, emailTemplate });
  mixpanel.identify(userId);
}

export const trackPlan = (planName, companyName, phoneCountryCode) => {
  gtag('event', 'select_plan', { plan: planName, company: companyName, cc: phoneCountryCode });
};
