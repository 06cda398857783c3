import { makeFictionalIdNumber, maskIdNumber, maskName } from '@app/domain';
import { CHILD_NAME, ID_NUMBER, childIdentified, event } from '@app/domain/testing';
import { maskEventData } from './mask-personal-info';

const act = {
  docketNumber: '(2026)浙0102民特12号',
  decidedOn: '2026-03-01',
  effectiveOn: '2026-03-15',
  agency: '杭州市上城区人民法院',
  notes: null,
};

describe('what the history shows of personal information', () => {
  it('keeps only the last character of a name', () => {
    expect(maskName('测试儿童甲')).toBe('*甲');
    expect(maskName(' 艺 ')).toBe('*艺');
    expect(maskName('')).toBe('[已隐藏]');
  });

  it('masks the child and a guardian who is a person on identification', () => {
    const identified = childIdentified();
    const masked = maskEventData(identified.type, identified.data) as typeof identified.data;
    expect(masked.child).toEqual({ name: '*甲', idNumber: maskIdNumber(ID_NUMBER) });
    expect(masked.guardian).toEqual({ kind: 'RELATIVE', name: '*婆', relation: 'grandmother' });
    expect(masked).toMatchObject({ regionCode: identified.data.regionCode, source: 'VISIT' });
    expect(JSON.stringify(masked)).not.toContain(ID_NUMBER);
    expect(JSON.stringify(masked)).not.toContain(CHILD_NAME);
  });

  it('masks both values of a name or ID number correction, not of a birth date one', () => {
    const base = { reason: 'typo', correctsRevision: 0, correctedAt: '2026-03-02T10:00:00+08:00' };
    const name = event('CaseCorrected', { field: 'name', from: '张小明', to: '张晓明', ...base });
    expect(maskEventData(name.type, name.data)).toMatchObject({ from: '*明', to: '*明' });
    const other = makeFictionalIdNumber('330102', '2012-05-10', 9);
    const id = event('CaseCorrected', { field: 'idNumber', from: ID_NUMBER, to: other, ...base });
    expect(maskEventData(id.type, id.data)).toMatchObject({
      from: maskIdNumber(ID_NUMBER),
      to: maskIdNumber(other),
      reason: 'typo',
    });
    const birth = event('CaseCorrected', {
      field: 'birthDate',
      from: '2012-05-10',
      to: '2012-05-11',
      ...base,
    });
    expect(maskEventData(birth.type, birth.data)).toEqual(birth.data);
  });

  it('masks guardians who are persons in court acts, and keeps the institutions', () => {
    const revoked = event('GuardianshipRevoked', {
      ...act,
      revokedGuardian: { kind: 'PARENT', name: '王大力', relation: 'father' },
      newGuardian: { kind: 'CIVIL_AFFAIRS', name: '杭州市上城区民政局', relation: null },
    });
    expect(maskEventData(revoked.type, revoked.data)).toMatchObject({
      docketNumber: act.docketNumber,
      agency: act.agency,
      revokedGuardian: { kind: 'PARENT', name: '*力', relation: 'father' },
      newGuardian: { kind: 'CIVIL_AFFAIRS', name: '杭州市上城区民政局' },
    });
    const petition = event('RevocationPetitioned', { ...act, petitioner: '李四' });
    expect(maskEventData(petition.type, petition.data)).toMatchObject({ petitioner: '*四' });
  });

  it('leaves events without personal information as they are', () => {
    const visit = event('VisitRecorded', { visitedAt: '2026-03-01T09:00:00+08:00', notes: 'ok' });
    expect(maskEventData(visit.type, visit.data)).toEqual(visit.data);
  });

  it('hides whole what it cannot read as a case event', () => {
    expect(maskEventData('SomethingElse', { name: '张三' })).toBe('[已隐藏]');
    expect(maskEventData('ChildIdentified', { child: null })).toBe('[已隐藏]');
  });
});
