// How --scale maps to row counts. Scale 1 is the default demo (seconds);
// scale 20 is the benchmark set: the high-volume agent (Support Triage) gets
// 200,000 emails and 1,000,000 audit events. Fractional scales make small
// test sets. Records that tell a story (user changes, config changes, DLP rule
// changes, rotations, processing activities) do not scale.

export type DemoVolumes = {
  scale: number;
  /** Emails of the high-volume agent. */
  highVolumeAgentEmails: number;
  /** Emails of all other agents together. */
  otherAgentEmails: number;
  /** Audit events naming the high-volume agent (its secret reads, denied actions, config changes, rotations). */
  highVolumeAgentAuditEvents: number;
  /** Every other audit event: sign-ins, user secret reads, other agents' activity (plus unscaled story events). */
  otherAuditEvents: number;
  queryLogs: number;
  sharingRecords: number;
  /** Share of emails whose body carries personal data. */
  piiRate: number;
};

export const MAX_DEMO_SCALE = 100;

export function getDemoVolumes(scale: number): DemoVolumes {
  if (!Number.isFinite(scale) || scale <= 0 || scale > MAX_DEMO_SCALE) {
    throw new RangeError(`scale must be a number in (0, ${MAX_DEMO_SCALE}], got ${scale}`);
  }
  return {
    scale,
    highVolumeAgentEmails: Math.round(10_000 * scale),
    otherAgentEmails: Math.round(10_000 * scale),
    highVolumeAgentAuditEvents: Math.round(50_000 * scale),
    otherAuditEvents: Math.round(10_000 * scale),
    queryLogs: Math.round(5_000 * scale),
    sharingRecords: Math.max(20, Math.round(60 * scale)),
    piiRate: 0.15,
  };
}
