import { measureRawRead } from '../tools/bench/figures/raw-read';
import { measureRebuild } from '../tools/bench/figures/rebuild';
async function main() {
  const dir = process.argv[2];
  for (let i = 0; i < 2; i++) {
    const raw = measureRawRead(dir, 1000);
    const rb = await measureRebuild(dir, 3);
    console.log(raw.figures, rb.figures, (rb.figures.rebuildEventsPerSec as number) / (raw.figures.rawReadEventsPerSec as number));
  }
}
main();
