// JSDoc types: a typedef's properties, and the @param that names it.

/**
 * @typedef {Object} Member
 * @property {string} id
 * @property {string} email - the login
 * @property {string} plan
 */

/**
 * @typedef {Object} Plan
 * @property {string} name - the plan's name
 * @property {number} seats
 */

/**
 * Sends the member to Segment.
 * @param {string} id
 * @param {Member} member the member
 */
export function sendMember(id, member) {
  analytics.identify(id, member); // expect: email segment
}

/** @param {Plan} plan */
export function sendPlan(plan) {
  analytics.track('Plan chosen', plan);
}
