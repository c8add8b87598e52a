// Drift calls that carry no personal data, and a local `drift` of other code.
export function onLogin(user) {
  drift.identify(user.id, { plan: user.plan, signed_up_at: user.createdAt });
  drift.api.setUserAttributes({ account_tier: user.tier });
}

export function animate(particle, email) {
  const drift = { x: particle.vx * 0.1, y: particle.vy * 0.1 };
  particle.label = email;
  return drift.x + drift.y;
}
