/**
 * The demo reviewer (documented in the README): an application is decided APPLICATION_DECISION_DELAY_MS
 * after it was made. It is approved when the reason has at least 20 characters (enough to say which
 * equipment and what for), otherwise rejected with the reason below. An admin decision
 * (POST /admin/software/applications/:id/decision) overrides the rule at any time before or after.
 */
export const APPLICATION_DECISION_DELAY_MS = 3_000;
export const MIN_REASON_FOR_APPROVAL = 20;

export function demoDecision(reason: string): { status: 'approved' } | { status: 'rejected'; reason: string } {
  if (reason.trim().length >= MIN_REASON_FOR_APPROVAL) return { status: 'approved' };
  return { status: 'rejected', reason: 'Please describe the equipment and the task you need this software for (at least 20 characters), then apply again.' };
}
