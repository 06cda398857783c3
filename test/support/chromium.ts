import { existsSync } from 'node:fs';

/** Debian's Chromium (`apt-get install chromium`), or the one CHROMIUM_PATH names; null if none. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}

/** Why the browser specs cannot run here, or null when they can. */
export const withoutChromium = (): string | null =>
  chromiumPath() ? null : 'needs Chromium, apt-get install chromium (or set CHROMIUM_PATH)';
