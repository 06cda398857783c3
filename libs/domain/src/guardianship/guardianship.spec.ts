import { IllegalTransition, ValidationFailed } from '../shared/errors';
import type { AgencyActData, Guardian as StoredGuardian } from '../case/case.events';

type Guardian = StoredGuardian & { name: string };
import type { RecordGuardianshipAct } from '../case/case.commands';
import { given } from '../testing/given-when-then';
import {
  childIdentified,
  closed,
  command,
  COURT,
  event,
  PROCURATORATE,
  riskAssessed,
} from '../testing/fixtures';

const mother: Guardian = { kind: 'PARENT', name: '测试母亲', relation: 'mother' };
const bureau: Guardian = { kind: 'CIVIL_AFFAIRS', name: '杭州市上城区民政局', relation: null };
const aunt: Guardian = { kind: 'RELATIVE', name: '测试姨妈', relation: 'aunt' };

const act = (
  kind: RecordGuardianshipAct['data']['act'],
  data: Partial<RecordGuardianshipAct['data']> = {},
  actor = kind.startsWith('GUARDIAN') ? COURT : PROCURATORATE,
) =>
  command(
    'RecordGuardianshipAct',
    {
      act: kind,
      docketNumber: '(2026)浙0102民特12号',
      decidedOn: '2026-03-01',
      effectiveOn: '2026-03-01',
      ...data,
    },
    { actor },
  );

const base = (agency = COURT.agency!): AgencyActData => ({
  docketNumber: '(2026)浙0102民特12号',
  decidedOn: '2026-03-01',
  effectiveOn: '2026-03-01',
  agency,
  notes: null,
});

const withMother = [childIdentified({ guardian: mother }), riskAssessed()];
const revoked = (newGuardian: Guardian | null) =>
  event('GuardianshipRevoked', { ...base(), revokedGuardian: mother, newGuardian });

describe('crisis and urging', () => {
  it('records a crisis report', () => {
    given(withMother)
      .when(
        command('ReportGuardianshipCrisis', {
          kind: 'IMPROPER',
          reportedAt: '2026-03-02T10:00:00+08:00',
        }),
      )
      .then([
        event('GuardianshipCrisisReported', {
          kind: 'IMPROPER',
          reportedAt: '2026-03-02T10:00:00+08:00',
          notes: null,
        }),
      ]);
  });

  it('refuses an unknown crisis kind', () => {
    given(withMother)
      .when(
        command('ReportGuardianshipCrisis', {
          kind: 'BAD' as never,
          reportedAt: '2026-03-02T10:00:00+08:00',
        }),
      )
      .thenThrows(ValidationFailed);
  });

  it('urges a guardian, but not when there is none', () => {
    const urge = command('UrgeGuardian', {
      urgedAt: '2026-03-03T10:00:00+08:00',
      notes: '督促履行监护职责',
    });
    given(withMother)
      .when(urge)
      .then([
        event('GuardianUrged', { urgedAt: '2026-03-03T10:00:00+08:00', notes: '督促履行监护职责' }),
      ]);
    given([childIdentified({ guardian: null, categories: ['ORPHAN'] })])
      .when(urge)
      .thenThrows(IllegalTransition);
  });
});

describe('petition and procuratorate support', () => {
  it('records a petition against the guardian in place', () => {
    given(withMother)
      .when(act('REVOCATION_PETITIONED', { petitioner: '杭州市上城区民政局' }))
      .then([
        event('RevocationPetitioned', {
          ...base(PROCURATORATE.agency!),
          petitioner: '杭州市上城区民政局',
        }),
      ]);
  });

  it('records support for a pending petition', () => {
    const petition = event('RevocationPetitioned', { ...base(), petitioner: null });
    given([...withMother, petition])
      .when(act('PROCURATORATE_SUPPORT_FILED'))
      .then([event('ProcuratorateSupportFiled', base(PROCURATORATE.agency!))]);
  });

  it('refuses a petition when there is no guardian to revoke (an orphan)', () => {
    given([childIdentified({ guardian: null, categories: ['ORPHAN'] })])
      .when(act('REVOCATION_PETITIONED'))
      .thenThrows(IllegalTransition);
  });

  it('refuses a new guardian on a petition', () => {
    const error = given(withMother)
      .when(act('REVOCATION_PETITIONED', { newGuardian: aunt }))
      .thenThrows(ValidationFailed);
    expect(error.fields.map((f) => f.field)).toEqual(['newGuardian']);
  });
});

describe('revoking a guardian', () => {
  describe('when a guardian is in place', () => {
    it('revokes and appoints in one act', () => {
      given(withMother)
        .when(act('GUARDIANSHIP_REVOKED', { newGuardian: aunt }))
        .then([revoked(aunt)]);
    });

    it('keeps the revoked guardian and makes the new one current', () => {
      const state = given(withMother)
        .when(act('GUARDIANSHIP_REVOKED', { newGuardian: aunt }))
        .thenState();
      expect(state.status !== 'NONE' && [state.guardian, state.revokedGuardians]).toEqual([
        aunt,
        [mother],
      ]);
      expect(state.status !== 'NONE' && state.categoryRedeterminationNeeded).toBe(false);
    });

    it('flags the categories for re-determination when only the state is left', () => {
      for (const newGuardian of [null, bureau]) {
        const state = given(withMother)
          .when(act('GUARDIANSHIP_REVOKED', { newGuardian }))
          .thenState();
        expect(state.status !== 'NONE' && state.categoryRedeterminationNeeded).toBe(true);
      }
    });

    it('clears the flag when categories are determined', () => {
      const determined = event('CategoriesDetermined', {
        categories: ['DE_FACTO_UNSUPPORTED'],
        determinedAt: '2026-03-05T09:00:00+08:00',
      });
      const state = given([...withMother, revoked(null), determined]).state;
      expect(state.status !== 'NONE' && state.categoryRedeterminationNeeded).toBe(false);
    });

    it('records a late act at its business time', () => {
      const visit = event('VisitRecorded', { visitedAt: '2026-03-09T09:00:00+08:00', notes: null });
      given([...withMother, visit])
        .when(act('GUARDIANSHIP_REVOKED', { decidedOn: '2026-02-01', effectiveOn: '2026-02-15' }))
        .then([
          event('GuardianshipRevoked', {
            ...base(),
            decidedOn: '2026-02-01',
            effectiveOn: '2026-02-15',
            revokedGuardian: mother,
            newGuardian: null,
          }),
        ]);
    });

    it('records an act that arrives after the case was closed', () => {
      given([...withMother, closed()])
        .when(act('GUARDIANSHIP_REVOKED'))
        .then([revoked(null)]);
    });

    it('refuses a decision before the birth, and takes effect ahead of time', () => {
      const error = given(withMother)
        .when(act('GUARDIANSHIP_REVOKED', { decidedOn: '2011-01-01', effectiveOn: '2026-03-01' }))
        .thenThrows(ValidationFailed);
      expect(error.fields).toEqual([{ field: 'decidedOn', message: 'is before the birth date' }]);
      given(withMother)
        .when(act('GUARDIANSHIP_REVOKED', { effectiveOn: '2026-04-01' }))
        .then([
          event('GuardianshipRevoked', {
            ...base(),
            effectiveOn: '2026-04-01',
            revokedGuardian: mother,
            newGuardian: null,
          }),
        ]);
    });

    it('refuses bad dates and a missing docket number', () => {
      const error = given(withMother)
        .when(
          act('GUARDIANSHIP_REVOKED', {
            docketNumber: '',
            decidedOn: '2026-03-20',
            effectiveOn: '2026-02-01',
          }),
        )
        .thenThrows(ValidationFailed);
      expect(error.fields.map((f) => f.field)).toEqual([
        'docketNumber',
        'decidedOn',
        'effectiveOn',
      ]);
    });

    it('refuses the revoked guardian as the new one', () => {
      given(withMother)
        .when(act('GUARDIANSHIP_REVOKED', { newGuardian: mother }))
        .thenThrows(IllegalTransition);
    });
  });

  describe('when there is no guardian', () => {
    it('refuses', () => {
      given([childIdentified({ guardian: null, categories: ['ORPHAN'] })])
        .when(act('GUARDIANSHIP_REVOKED'))
        .thenThrows(IllegalTransition);
      given([...withMother, revoked(null)])
        .when(act('GUARDIANSHIP_REVOKED'))
        .thenThrows(IllegalTransition);
    });
  });
});

describe('appointing a guardian', () => {
  it('appoints after a revocation', () => {
    given([...withMother, revoked(bureau)])
      .when(act('GUARDIAN_APPOINTED', { newGuardian: aunt }))
      .then([event('GuardianAppointed', { ...base(), newGuardian: aunt })]);
  });

  it('appoints for an orphan with none', () => {
    const state = given([childIdentified({ guardian: null, categories: ['ORPHAN'] })])
      .when(act('GUARDIAN_APPOINTED', { newGuardian: bureau }))
      .thenState();
    expect(state.status !== 'NONE' && state.guardian).toEqual(bureau);
  });

  it('refuses while a guardian is in place and none was revoked', () => {
    given(withMother)
      .when(act('GUARDIAN_APPOINTED', { newGuardian: aunt }))
      .thenThrows(IllegalTransition);
  });

  it('requires the new guardian', () => {
    const error = given([childIdentified({ guardian: null })])
      .when(act('GUARDIAN_APPOINTED'))
      .thenThrows(ValidationFailed);
    expect(error.fields.map((f) => f.field)).toEqual(['newGuardian']);
  });

  it('names the bad fields of the new guardian', () => {
    const error = given([childIdentified({ guardian: null })])
      .when(act('GUARDIAN_APPOINTED', { newGuardian: { kind: 'FRIEND' as never, name: '' } }))
      .thenThrows(ValidationFailed);
    expect(error.fields.map((f) => f.field)).toEqual(['newGuardian.kind', 'newGuardian.name']);
  });
});

describe('restoring a guardian', () => {
  it('restores the revoked guardian', () => {
    const history = [...withMother, revoked(bureau)];
    const result = given(history).when(
      act('GUARDIANSHIP_RESTORED', { decidedOn: '2026-03-08', effectiveOn: '2026-03-08' }),
    );
    result.then([
      event('GuardianshipRestored', {
        ...base(),
        decidedOn: '2026-03-08',
        effectiveOn: '2026-03-08',
        restoredGuardian: mother,
      }),
    ]);
    const state = result.thenState();
    expect(state.status !== 'NONE' && [state.guardian, state.revokedGuardians]).toEqual([
      mother,
      [],
    ]);
  });

  it('refuses without an earlier revocation', () => {
    given(withMother).when(act('GUARDIANSHIP_RESTORED')).thenThrows(IllegalTransition);
  });

  it('refuses to restore someone who was not revoked', () => {
    given([...withMother, revoked(bureau)])
      .when(act('GUARDIANSHIP_RESTORED', { newGuardian: aunt }))
      .thenThrows(IllegalTransition);
  });
});
