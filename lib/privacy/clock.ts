// "Now" for deadline logic, passed in so tests can stand on any day.
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };
