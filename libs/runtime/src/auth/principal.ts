import { ROLES, type Role } from '@app/domain';

/** The roles of CONTRACT.md, defined once in @app/domain. */
export { ROLES };
export type RoleName = Role;

/** Who is calling, from a verified token. */
export interface Principal {
  id: string;
  role: RoleName;
  /** region-code prefixes the holder may see and act in; '' means everywhere */
  regions: string[];
  agency?: string;
}
