import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..');
const run = promisify(execFile);

/**
 * The layout's rules (.dependency-cruiser.cjs) fail on a broken import: each probe below is
 * written into the tree where a maintainer could put it, cruised alone (with what it imports),
 * and must be reported under the rule it breaks.
 */
const PROBES: { file: string; source: string; rule: string }[] = [
  {
    file: 'libs/domain/src/zz-layout-probe/framework.ts',
    source: "import { Injectable } from '@nestjs/common';\nexport const probe = Injectable;\n",
    rule: 'domain-imports-no-framework-and-no-io',
  },
  {
    file: 'libs/domain/src/zz-layout-probe/io.ts',
    source: "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n",
    rule: 'domain-imports-no-framework-and-no-io',
  },
  {
    file: 'apps/api/src/cases/zz-layout-probe/driver.ts',
    source: "import Database from 'better-sqlite3';\nexport const probe = Database;\n",
    rule: 'only-adapters-import-drivers',
  },
  {
    file: 'apps/projector/src/zz-layout-probe/other-app.ts',
    source:
      "import { AppModule } from '../../../api/src/app.module';\nexport const probe = AppModule;\n",
    rule: 'no-app-imports-another-app',
  },
  {
    file: 'apps/api/src/errors/zz-layout-probe/upwards.ts',
    source:
      "import { CaseCommandService } from '../../cases/case-command.service';\nexport const probe = CaseCommandService;\n",
    rule: 'api-layer-errors',
  },
  {
    file: 'libs/event-store/src/zz-layout-probe/upwards.ts',
    source:
      "import { loadConfig } from '@app/runtime/config/app-config';\nexport const probe = loadConfig;\n",
    rule: 'libs-layered',
  },
  {
    file: 'libs/domain/src/zz-layout-probe/cycle-a.ts',
    source: "import { b } from './cycle-b';\nexport const a = (): unknown => b;\n",
    rule: 'no-circular',
  },
  {
    file: 'libs/domain/src/zz-layout-probe/cycle-b.ts',
    source: "import { a } from './cycle-a';\nexport const b = (): unknown => a;\n",
    rule: 'no-circular',
  },
];

const folders = [...new Set(PROBES.map((p) => join(ROOT, p.file, '..')))];

describe('the layout rules (npm run deps)', () => {
  let report = '';

  beforeAll(async () => {
    for (const probe of PROBES) {
      mkdirSync(join(ROOT, probe.file, '..'), { recursive: true });
      writeFileSync(join(ROOT, probe.file), probe.source);
    }
    try {
      const cli = join(ROOT, 'node_modules', '.bin', 'depcruise');
      const args = [...PROBES.map((p) => p.file), '--config', '.dependency-cruiser.cjs'];
      await run(cli, [...args, '--output-type', 'err'], { cwd: ROOT });
    } catch (error) {
      report = String((error as { stdout?: string }).stdout ?? error);
    } finally {
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);

  it.each(PROBES)('reports $file under $rule', ({ file, rule }) => {
    // a cycle is reported once, from one of its files, with the others on the lines after it
    const blocks = report.split(/\n(?=\s*error )/).filter((b) => b.includes(`error ${rule}:`));
    expect(blocks.some((block) => block.includes(file))).toBe(true);
  });

  it('passes the committed tree (known violations aside)', async () => {
    const cli = join(ROOT, 'node_modules', '.bin', 'depcruise');
    const args = ['apps', 'libs', 'tools', '--config', '.dependency-cruiser.cjs', '--ignore-known'];
    await expect(run(cli, args, { cwd: ROOT })).resolves.toBeDefined();
  }, 60_000);
});
