import { ROLES, type Role } from '../shared/enums';
import {
  DISCLOSURE_POLICY,
  PERSONAL_INFO_FIELDS,
  PERSONAL_INFO_ROLES,
  disclosedValue,
  disclosureOf,
  isPersonGuardian,
  maskName,
} from './disclosure-policy';

const reader = (role: Role, regions: string[] = ['3703']) => ({ role, regions });
const ZIBO_CASE = '370303001001';
const HANGZHOU_CASE = '330102001001';

describe('the disclosure policy', () => {
  it('has a rule for every role and every personal field', () => {
    for (const role of ROLES)
      expect(Object.keys(DISCLOSURE_POLICY[role]).sort()).toEqual([...PERSONAL_INFO_FIELDS].sort());
  });

  it('shows field workers everything in full inside their regions, masked outside', () => {
    expect(PERSONAL_INFO_ROLES).toEqual(['CHILD_DIRECTOR', 'SUPERVISOR', 'CIVIL_AFFAIRS', 'ADMIN']);
    for (const role of PERSONAL_INFO_ROLES)
      for (const field of PERSONAL_INFO_FIELDS) {
        expect(disclosureOf(reader(role), field, ZIBO_CASE)).toBe('FULL');
        expect(disclosureOf(reader(role), field, HANGZHOU_CASE)).toBe('MASKED');
        expect(disclosureOf(reader(role, ['']), field, HANGZHOU_CASE)).toBe('FULL');
      }
  });

  it('never shows auditors, courts or procuratorates a value in full, wherever they may read', () => {
    for (const role of ['AUDITOR', 'COURT', 'PROCURATORATE'] as const)
      for (const field of PERSONAL_INFO_FIELDS)
        expect(disclosureOf(reader(role, ['']), field, ZIBO_CASE)).toBe('MASKED');
  });

  it('never discloses in full through the history or an export, to anyone', () => {
    for (const role of ROLES)
      for (const field of PERSONAL_INFO_FIELDS)
        for (const channel of ['history', 'export'] as const)
          expect(disclosureOf(reader(role, ['']), field, ZIBO_CASE, channel)).toBe('MASKED');
  });

  it('masks names to their last character and ID numbers to their region', () => {
    expect(maskName('王大力')).toBe('*力');
    expect(disclosedValue('guardianName', '王大力', 'MASKED')).toBe('*力');
    expect(disclosedValue('name', '王大力', 'FULL')).toBe('王大力');
    expect(disclosedValue('idNumber', '370303201205101214', 'MASKED')).toBe('370303************');
  });

  it('treats institutions as no persons', () => {
    expect(isPersonGuardian('CIVIL_AFFAIRS')).toBe(false);
    expect(isPersonGuardian('WELFARE_INSTITUTION')).toBe(false);
    expect(isPersonGuardian('PARENT')).toBe(true);
    expect(isPersonGuardian('RELATIVE')).toBe(true);
    expect(isPersonGuardian('OTHER')).toBe(true);
  });
});
