import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process; metric labels never carry personal information (command names and outcomes only). */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const commandsTotal = new Counter({
  name: 'cases_commands_total',
  help: 'Commands handled, by command and outcome (ok or the contract error code)',
  labelNames: ['command', 'outcome'],
  registers: [registry],
});

export const commandDuration = new Histogram({
  name: 'cases_command_duration_seconds',
  help: 'Time from command received to events appended',
  labelNames: ['command'],
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

export const commandRetries = new Counter({
  name: 'cases_command_conflict_retries_total',
  help: 'Optimistic-concurrency retries of the command path',
  registers: [registry],
});
