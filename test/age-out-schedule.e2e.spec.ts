import { SchedulerRegistry } from '@nestjs/schedule';
import { makeFictionalIdNumber } from '@app/domain';
import { AgeOutReviewService } from '../apps/api/src/age-out/age-out-review.service';
import { CASE_QUERY, mustMutate } from './support/cases-api';
import { TestApp } from './support/test-app';

describe('the daily age-out review', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('is scheduled at 01:30 China time', () => {
    const job = app.app.get(SchedulerRegistry).getCronJob('age-out-review');
    const next = job.nextDate().setZone('Asia/Shanghai');
    expect([next.hour, next.minute]).toEqual([1, 30]);
  });

  it('ages out, by itself, a child whose 18th birthday has passed, and a second run changes nothing', async () => {
    const admin = app.token('ADMIN');
    const { caseId } = await mustMutate(
      app,
      'identifyChild',
      {
        idNumber: makeFictionalIdNumber('370303', '2008-01-01', 3),
        name: '定时',
        regionCode: '370303101001',
        source: 'DATA_MATCH',
        identifiedAt: '2025-03-01T09:00:00+08:00',
      },
      admin,
    );
    const review = app.app.get(AgeOutReviewService);
    await review.runDaily();
    const view = await app.gql<{ case: { status: string; revision: number } }>(
      CASE_QUERY,
      { id: caseId },
      admin,
    );
    expect(view.data?.case.status).toBe('AGED_OUT');
    await review.runDaily();
    const again = await app.gql<{ case: { revision: number } }>(CASE_QUERY, { id: caseId }, admin);
    expect(again.data?.case.revision).toBe(view.data?.case.revision);
  });
});
