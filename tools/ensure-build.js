// `npm start` and the tools run from dist/: rebuild first when any source is newer than the last build.
// `npm run build` ends with `node tools/ensure-build.js --stamp`, which only records the build.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');

if (process.argv.includes('--stamp')) {
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, new Date().toISOString() + '\n');
  process.exit(0);
}

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (/\.(ts|json|proto)$/.test(entry.name))
      latest = Math.max(latest, fs.statSync(full).mtimeMs);
  }
  return latest;
}

const sources = Math.max(
  ...['apps', 'libs', 'tools', 'proto']
    .filter((d) => fs.existsSync(path.join(root, d)))
    .map((d) => newest(path.join(root, d))),
  ...['tsconfig.json', 'tsconfig.build.json', 'package.json'].map(
    (f) => fs.statSync(path.join(root, f)).mtimeMs,
  ),
);
const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
if (built < sources) {
  process.stderr.write('Building (sources changed since the last build)...\n');
  const result = spawnSync(
    process.platform === 'win32' ? 'npm.cmd' : 'npm',
    ['run', '--silent', 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
