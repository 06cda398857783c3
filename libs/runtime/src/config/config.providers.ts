import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from './app-config';
import { CASE_POLICY, MONITORING_POLICY } from './policy';

/**
 * The configuration as both processes (the api, apps/projector) provide it: APP_CONFIG and the
 * policy it loaded, so the decide of the write side and the projections and queries of the read
 * side are given the same policy object.
 */
export function configProviders(config: AppConfig): Provider[] {
  return [
    { provide: APP_CONFIG, useValue: config },
    { provide: CASE_POLICY, useValue: config.policy.case },
    { provide: MONITORING_POLICY, useValue: config.policy.monitoring },
  ];
}

export const CONFIG_TOKENS = [APP_CONFIG, CASE_POLICY, MONITORING_POLICY];
