export const ROLES = [
  'CHILD_DIRECTOR',
  'SUPERVISOR',
  'CIVIL_AFFAIRS',
  'AUDITOR',
  'ADMIN',
  'COURT',
  'PROCURATORATE',
] as const;
export type RoleName = (typeof ROLES)[number];

/** Who is calling, from a verified token. */
export interface Principal {
  id: string;
  role: RoleName;
  /** region-code prefixes the holder may see and act in; '' means everywhere */
  regions: string[];
  agency?: string;
}
