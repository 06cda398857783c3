export * from './shared/event';
export * from './shared/types';
export * from './shared/enums';
export * from './shared/errors';
export * from './shared/metadata';
export * from './shared/dates';
export * from './shared/money';
export * from './shared/validation';
export * from './identity/id-number';
export * from './region/region-code';
export * from './policy/case-policy';
export * from './policy/risk';
export * from './policy/eligibility';
export * from './policy/age';
export * from './case/case.events';
export * from './case/case.commands';
export * from './case/case.state';
export * from './case/case.evolve';
export * from './case/case.decider';
export * from './case/case-status';
export * from './case/case-view';
export * from './case/business-time';
export * from './case/identify-child';
export * from './case/assess-risk';
export * from './case/programmes';
export * from './case/education';
export * from './case/case-admin';
export * from './case/correct-case';
export * from './guardianship/guardianship.decide';
export * from './guardianship/guardianship.evolve';
export * from './guardianship/guardian-input';
export * from './standards/standard.events';
export * from './standards/standard.commands';
export * from './standards/standard.decider';
export * from './standards/standard-in-force';
export * from './benefits/benefit-case';
export * from './benefits/monthly-allowance';
export * from './age-out/review-age-out';
export * from './access/access-policy';
export * from './audit/hash-chain';
export * from './identity/id-reservation';
export * from './case/case-history';
export * from './timeline/effective-dated';
export * from './timeline/protection';
export {
  timelineOf,
  regionOn,
  categoriesOn,
  closedOn,
  inForceOn,
  statusOn,
  openOn,
  guardianOn,
  changeDates,
  inForceStretches,
  type CaseTimeline,
  type TimelineSource,
  type Stretch,
} from './timeline/case-timeline';
export { enrolmentsOn, type Entitlement } from './timeline/entitlements';
export * from './timeline/owed';
export * from './timeline/case-on';
