import type { Durations, Measured } from './measured';

type EmmettFigure = (dir: string, durations: Durations) => Promise<Measured>;

/**
 * The emmett side-by-side figure needs the `sqlite3` package's native binding, which only this
 * benchmark uses. `npm ci` does not run sqlite3's install script (it is not in `allowScripts`):
 * building it from source takes more than a minute on every install. Without it the figure is
 * reported missing with the command that builds it.
 */
export async function loadEmmettFigure(): Promise<EmmettFigure> {
  try {
    return (await import('./emmett-sqlite')).measureEmmettSqlite;
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (/bindings file|node_sqlite3\.node|Cannot find module/i.test(message))
      throw new Error(
        "sqlite3's native binding is not built (npm ci skips it): run `npm rebuild sqlite3` once, then the emmett phase again",
      );
    throw error;
  }
}
