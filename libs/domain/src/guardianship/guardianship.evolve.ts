import type { Guardian, GuardianAct, GuardianshipEvent } from '../case/case.events';
import type { CaseFile } from '../case/case.state';

/** The state (civil affairs, a welfare institution) as guardian: no family guardian left. */
export function isStateGuardian(guardian: Pick<Guardian, 'kind'>): boolean {
  return guardian.kind === 'CIVIL_AFFAIRS' || guardian.kind === 'WELFARE_INSTITUTION';
}

/** Same kind and name; the parents by law are whichever parent a court names. */
export function sameGuardian(
  a: Pick<Guardian, 'kind' | 'name' | 'byLaw'>,
  b: Pick<Guardian, 'kind' | 'name' | 'byLaw'>,
) {
  if (a.kind !== b.kind) return false;
  return a.name === b.name || (a.kind === 'PARENT' && (a.byLaw === true || b.byLaw === true));
}

/** Who is the guardian, whether it is on record, and who was revoked: what a court act changes. */
export type Guardians = Pick<CaseFile, 'guardian' | 'guardianOnRecord' | 'revokedGuardians'>;

/** The guardians after a revocation, an appointment or a restoration. */
export function applyGuardianAct(g: Guardians, event: GuardianAct): Guardians {
  switch (event.type) {
    case 'GuardianshipRevoked':
      return {
        guardian: event.data.newGuardian,
        guardianOnRecord: true,
        revokedGuardians: [...g.revokedGuardians, event.data.revokedGuardian],
      };
    case 'GuardianAppointed':
      return {
        guardian: event.data.newGuardian,
        guardianOnRecord: true,
        revokedGuardians: g.revokedGuardians,
      };
    case 'GuardianshipRestored': {
      const restored = event.data.restoredGuardian;
      const index = g.revokedGuardians.findLastIndex((r) => sameGuardian(r, restored));
      return {
        guardian: restored,
        guardianOnRecord: true,
        revokedGuardians: g.revokedGuardians.filter((_, i) => i !== index),
      };
    }
  }
}

/** Guardianship acts, applied in stream order whatever their business date (late acts included). */
export function evolveGuardianship(file: CaseFile, event: GuardianshipEvent): CaseFile {
  const g = file.guardianship;
  switch (event.type) {
    case 'GuardianshipCrisisReported':
      return { ...file, guardianship: { ...g, crisis: event.data.kind } };
    case 'GuardianUrged':
      return { ...file, guardianship: { ...g, urgedCount: g.urgedCount + 1 } };
    case 'RevocationPetitioned':
      return {
        ...file,
        guardianship: { ...g, petitionPending: true, lastDocketNumber: event.data.docketNumber },
      };
    case 'ProcuratorateSupportFiled':
      return {
        ...file,
        guardianship: {
          ...g,
          procuratorateSupport: true,
          lastDocketNumber: event.data.docketNumber,
        },
      };
    case 'GuardianshipRevoked': {
      const { newGuardian, docketNumber } = event.data;
      // "a revocation that leaves the child with no guardian but the state": categories may change
      const leftWithState = newGuardian === null || isStateGuardian(newGuardian);
      return {
        ...file,
        ...applyGuardianAct(file, event),
        categoryRedeterminationNeeded: file.categoryRedeterminationNeeded || leftWithState,
        guardianship: {
          ...g,
          crisis: null,
          petitionPending: false,
          procuratorateSupport: false,
          lastDocketNumber: docketNumber,
        },
      };
    }
    case 'GuardianAppointed':
      return {
        ...file,
        ...applyGuardianAct(file, event),
        guardianship: { ...g, crisis: null, lastDocketNumber: event.data.docketNumber },
      };
    case 'GuardianshipRestored':
      return {
        ...file,
        ...applyGuardianAct(file, event),
        guardianship: { ...g, crisis: null, lastDocketNumber: event.data.docketNumber },
      };
    default: {
      const _exhaustive: never = event;
      return file;
    }
  }
}
