import { ScenarioLog } from './scenario-log';

/** Case ids of the Zibo scenario (fictional children). */
export const ZIBO = {
  village: '370303001001',
  otherVillage: '370303002001',
  hangzhouVillage: '330102001001',
  deFacto: '0a000000-0000-4000-8000-000000000001',
  marginal: '0a000000-0000-4000-8000-000000000002',
  graduate: '0a000000-0000-4000-8000-000000000003',
  turning18: '0a000000-0000-4000-8000-000000000004',
  closed: '0a000000-0000-4000-8000-000000000005',
  hangzhou: '0a000000-0000-4000-8000-000000000006',
  twoCategories: '0a000000-0000-4000-8000-000000000007',
} as const;

/**
 * Zibo (3703) as DOMAIN.md tells it: 1,978 yuan a month for a de facto unsupported child from
 * 2024, raised from 2025-07-01; an orphan who studied past 18 and graduated on 2026-06-30; medical
 * assistance at 80% and 70%; visits by colour; a child turning 18 on 2026-12-20.
 */
export function ziboScenario(): ScenarioLog {
  const log = new ScenarioLog('2026-11-20T10:00:00+08:00');
  log.standard('3703', 'DE_FACTO_UNSUPPORTED', 197800, '2024-01-01');
  log.standard('3703', 'ORPHAN', 197800, '2024-01-01');
  log.standard('3703', 'DE_FACTO_UNSUPPORTED', 210000, '2025-07-01');
  log.standard('3703', 'ORPHAN', 230000, '2025-07-01');

  log.identify(ZIBO.deFacto, {
    regionCode: ZIBO.village,
    birthDate: '2012-05-10',
    categories: ['DE_FACTO_UNSUPPORTED'],
  });
  log.command(ZIBO.deFacto, 'AssessRisk', {
    guardianshipRisk: 3,
    livingRisk: 1,
    behaviourRisk: 0,
    assessedAt: '2026-11-10T09:00:00+08:00',
  });
  log.command(ZIBO.deFacto, 'EnrollInProgramme', {
    programme: 'BASIC_LIVING_ALLOWANCE',
    effectiveFrom: '2024-03-01',
  });
  log.command(ZIBO.deFacto, 'EnrollInProgramme', {
    programme: 'MEDICAL_ASSISTANCE',
    effectiveFrom: '2024-03-01',
  });
  log.command(ZIBO.deFacto, 'AssignCaseworker', { caseworkerId: 'director-7' });

  log.identify(ZIBO.marginal, {
    regionCode: ZIBO.village,
    birthDate: '2013-02-02',
    sequence: 2,
    categories: ['MARGINAL_LOW_INCOME'],
  });
  log.command(ZIBO.marginal, 'AssessRisk', {
    guardianshipRisk: 2,
    livingRisk: 1,
    behaviourRisk: 0,
    assessedAt: '2026-11-10T09:00:00+08:00',
  });
  log.command(ZIBO.marginal, 'EnrollInProgramme', {
    programme: 'MEDICAL_ASSISTANCE',
    effectiveFrom: '2025-01-01',
  });
  log.command(ZIBO.marginal, 'EnrollInProgramme', {
    programme: 'TEMPORARY_ASSISTANCE',
    effectiveFrom: '2026-03-05',
    fastTrack: true,
    amountFen: 50000,
  });

  log.identify(ZIBO.graduate, {
    regionCode: ZIBO.otherVillage,
    birthDate: '2006-06-15',
    sequence: 3,
    categories: ['ORPHAN'],
  });
  log.command(ZIBO.graduate, 'EnrollInProgramme', {
    programme: 'BASIC_LIVING_ALLOWANCE',
    effectiveFrom: '2024-02-01',
  });
  log.command(ZIBO.graduate, 'RecordEducation', {
    level: 'UNDERGRADUATE',
    fullTime: true,
    expectedGraduation: '2026-06-30',
    recordedAt: '2024-01-20T09:00:00+08:00',
  });
  log.command(ZIBO.graduate, 'ReviewAgeOut', { asOf: '2024-06-15' });
  log.command(ZIBO.graduate, 'RecordGraduation', { graduatedOn: '2026-06-30' });
  log.command(ZIBO.graduate, 'ReviewAgeOut', { asOf: '2026-07-01', grantStandardFen: 230000 });

  log.identify(ZIBO.turning18, {
    regionCode: ZIBO.otherVillage,
    birthDate: '2008-12-20',
    sequence: 4,
    categories: ['LEFT_BEHIND'],
  });
  log.command(ZIBO.turning18, 'AssessRisk', {
    guardianshipRisk: 0,
    livingRisk: 0,
    behaviourRisk: 0,
    assessedAt: '2026-08-01T09:00:00+08:00',
  });

  log.identify(ZIBO.closed, { regionCode: ZIBO.village, birthDate: '2010-01-01', sequence: 5 });
  log.command(ZIBO.closed, 'CloseCase', {
    reason: 'moved away',
    closedAt: '2024-02-01T09:00:00+08:00',
  });

  log.identify(ZIBO.hangzhou, {
    regionCode: ZIBO.hangzhouVillage,
    birthDate: '2011-03-03',
    sequence: 6,
    categories: ['DE_FACTO_UNSUPPORTED'],
  });
  log.command(ZIBO.hangzhou, 'EnrollInProgramme', {
    programme: 'BASIC_LIVING_ALLOWANCE',
    effectiveFrom: '2024-03-01',
  });

  log.identify(ZIBO.twoCategories, {
    regionCode: ZIBO.village,
    birthDate: '2014-04-04',
    sequence: 7,
    categories: ['ORPHAN', 'DE_FACTO_UNSUPPORTED'],
  });
  log.command(ZIBO.twoCategories, 'EnrollInProgramme', {
    programme: 'BASIC_LIVING_ALLOWANCE',
    effectiveFrom: '2025-06-15',
  });
  log.record('idres-abc', 'IdentityReserved', { caseId: ZIBO.twoCategories });
  return log;
}
