// Who the audit trail names for what the report worker does itself.
export const reportWorkerActor = { actorType: "system", actorId: null, actorLabel: "Attest report worker" } as const;
