import { IllegalTransition, ValidationFailed } from '../shared/errors';
import type { RecordGuardianshipAct } from '../case/case.commands';
import type { Guardian as StoredGuardian } from '../case/case.events';

type Guardian = StoredGuardian & { name: string };
import { foldCase } from '../case/case.decider';
import { given } from '../testing/given-when-then';
import { childIdentified, command, COURT, event, riskAssessed } from '../testing/fixtures';
import { PARENTS_BY_LAW } from './guardian-by-law';
import { PARENT_OF_ORPHAN } from './guardian-input';

const bureau: Guardian = { kind: 'CIVIL_AFFAIRS', name: '杭州市上城区民政局', relation: null };
const father: Guardian = { kind: 'PARENT', name: '测试父亲', relation: 'father' };
const court = (
  act: RecordGuardianshipAct['data']['act'],
  data: Partial<RecordGuardianshipAct['data']> = {},
) =>
  command(
    'RecordGuardianshipAct',
    {
      act,
      docketNumber: '(2026)浙0102民特7号',
      decidedOn: '2026-03-01',
      effectiveOn: '2026-03-01',
      ...data,
    },
    { actor: COURT },
  );
const act = {
  docketNumber: '(2026)浙0102民特7号',
  decidedOn: '2026-03-01',
  effectiveOn: '2026-03-01',
  agency: COURT.agency!,
  notes: null,
};
const guardianOf = (...events: Parameters<typeof foldCase>[0]) => {
  const state = foldCase(events);
  return state.status === 'NONE' ? undefined : state.guardian;
};

describe('parents as guardians by law', () => {
  const leftBehind = childIdentified({ guardian: null, categories: ['LEFT_BEHIND'] });

  describe('when the file records no guardian', () => {
    it('holds the parents as guardians', () => {
      expect(guardianOf(leftBehind)).toEqual(PARENTS_BY_LAW);
      expect(guardianOf(childIdentified({ guardian: null, categories: [] }))).toEqual(
        PARENTS_BY_LAW,
      );
    });

    it('lets a court revoke them and name the new guardian', () => {
      given([leftBehind, riskAssessed()])
        .when(court('GUARDIANSHIP_REVOKED', { newGuardian: bureau }))
        .then([
          event('GuardianshipRevoked', {
            ...act,
            revokedGuardian: PARENTS_BY_LAW,
            newGuardian: bureau,
          }),
        ]);
    });

    it('restores them when the court names a parent', () => {
      const revoked = event('GuardianshipRevoked', {
        ...act,
        revokedGuardian: PARENTS_BY_LAW,
        newGuardian: bureau,
      });
      given([leftBehind, revoked])
        .when(court('GUARDIANSHIP_RESTORED', { newGuardian: father }))
        .then([event('GuardianshipRestored', { ...act, restoredGuardian: PARENTS_BY_LAW })]);
    });

    it('has none for an orphan, and again the parents when the category is withdrawn', () => {
      const orphan = childIdentified({ guardian: null, categories: ['ORPHAN'] });
      expect(guardianOf(orphan)).toBeNull();
      const redetermined = event('CategoriesDetermined', {
        categories: ['DE_FACTO_UNSUPPORTED'],
        determinedAt: '2026-02-01T09:00:00+08:00',
      });
      expect(guardianOf(orphan, redetermined)).toEqual(PARENTS_BY_LAW);
    });
  });

  describe('when an orphan', () => {
    const determinedOrphan = event('CategoriesDetermined', {
      categories: ['ORPHAN'],
      determinedAt: '2026-02-01T09:00:00+08:00',
    });

    it('ends a parent’s guardianship, by law or on record, but keeps any other guardian', () => {
      expect(guardianOf(childIdentified({ guardian: father }), determinedOrphan)).toBeNull();
      expect(guardianOf(childIdentified({ guardian: null }), determinedOrphan)).toBeNull();
      expect(guardianOf(childIdentified({ guardian: bureau }), determinedOrphan)).toEqual(bureau);
    });

    it('refuses a parent as the guardian named at identification', () => {
      const error = given([])
        .when(
          command('IdentifyChild', {
            ...identifyData(),
            categories: ['ORPHAN'],
            guardian: { kind: 'PARENT', name: '测试母亲' },
          }),
        )
        .thenThrows(ValidationFailed);
      expect(error.fields).toEqual([{ field: 'guardian.kind', message: PARENT_OF_ORPHAN }]);
    });

    it('refuses a parent appointed or restored by a court', () => {
      const orphan = childIdentified({ guardian: null, categories: ['ORPHAN'] });
      const error = given([orphan])
        .when(court('GUARDIAN_APPOINTED', { newGuardian: father }))
        .thenThrows(ValidationFailed);
      expect(error.fields).toEqual([{ field: 'newGuardian.kind', message: PARENT_OF_ORPHAN }]);
      const revoked = event('GuardianshipRevoked', {
        ...act,
        revokedGuardian: father,
        newGuardian: bureau,
      });
      given([childIdentified({ guardian: father }), revoked, determinedOrphan])
        .when(court('GUARDIANSHIP_RESTORED'))
        .thenThrows(IllegalTransition);
    });
  });
});

function identifyData() {
  const { child, regionCode, source, identifiedAt } = childIdentified().data;
  return { idNumber: child.idNumber!, name: child.name!, regionCode, source, identifiedAt };
}
