import type { Role } from './enums';

/** Business date, `YYYY-MM-DD`. */
export type BusinessDate = string;
/** ISO-8601 date-time with offset, e.g. `2026-03-01T09:30:00+08:00`. */
export type DateTime = string;
/** Month, `YYYY-MM`. */
export type YearMonth = string;
/** Money: integer fen (1 yuan = 100 fen), a safe integer. */
export type Fen = number;

/** Who did it: a user (sub of the JWT) or an agency (court, procuratorate). */
export type Actor = { id: string; role: Role; agency?: string };
