import { parseArgs } from 'node:util';
import { loadConfig } from '@app/runtime/config/app-config';
import { ROLES, type RoleName } from '@app/runtime/auth/principal';
import { TokenService, principalFromClaims } from '@app/runtime/auth/token.service';

const usage = `usage: npm run token -- --role ROLE [--regions 3703,3301] [--sub ID] [--agency NAME] [--ttl SECONDS]
roles: ${ROLES.join(', ')}; regions default to everywhere ("*")`;

function main(): void {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      regions: { type: 'string', default: '*' },
      sub: { type: 'string' },
      agency: { type: 'string' },
      ttl: { type: 'string', default: String(8 * 3600) },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.role) {
    console.error(usage);
    process.exit(values.help ? 0 : 2);
  }
  const role = values.role as RoleName;
  const claims = {
    sub: values.sub ?? `${role.toLowerCase()}-cli`,
    role,
    regions: values.regions.split(',').map((r) => r.trim()),
    ...(values.agency ? { agency: values.agency } : {}),
  };
  principalFromClaims(claims); // the same checks the server makes, so a bad role or region fails here
  const ttl = Number(values.ttl);
  if (!Number.isInteger(ttl) || ttl <= 0)
    throw new Error('--ttl must be a positive number of seconds');
  process.stdout.write(new TokenService(loadConfig()).sign(claims, ttl) + '\n');
}

try {
  main();
} catch (error) {
  console.error(`token: ${(error as Error).message}`);
  console.error(usage);
  process.exit(2);
}
