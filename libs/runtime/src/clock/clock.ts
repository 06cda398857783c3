/** The application's only clock (the domain has none); tests and tools may inject their own. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

/** The real time, for what runs outside an application's providers (a DTO's check). */
export const systemClock: Clock = { now: () => new Date() };

/** The clock of one application: its own object, so a test can move one app's time alone. */
export const newSystemClock = (): Clock => ({ now: () => new Date() });
