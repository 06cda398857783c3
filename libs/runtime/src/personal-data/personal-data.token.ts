/** DI token of the PersonalDataSealer that belongs to the configured event store. */
export const PERSONAL_DATA = Symbol('PERSONAL_DATA');
