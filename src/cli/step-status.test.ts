import { reportEngineProgress } from '../engine/engine-progress.js';
import { withStepStatus } from './step-status.js';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  return { stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream, written };
}

describe('withStepStatus', () => {
  it('says what a long step does once it passes the delay, with the engine\'s progress, and erases the line', async () => {
    const { stream, written } = fakeStream(true);
    let t = 0;
    const result = await withStepStatus(
      'exact analysis on the BDD',
      () => {
        t = 500;
        reportEngineProgress('bdd-nodes', 1024); // before the delay: nothing
        t = 1500;
        reportEngineProgress('bdd-nodes', 2_097_152);
        return 42;
      },
      { stream, now: () => t },
    );
    expect(result).toBe(42);
    expect(written).toEqual(['\rftree: exact analysis on the BDD · 2,097,152 BDD nodes · 1 s\x1b[K', '\r\x1b[K']);
  });

  it('writes nothing for a short step, nor on a pipe', async () => {
    for (const isTTY of [true, false]) {
      const { stream, written } = fakeStream(isTTY);
      let t = 0;
      await withStepStatus('x', () => {
        t = isTTY ? 10 : 5000;
        reportEngineProgress('zbdd-nodes', 4096);
      }, { stream, now: () => t });
      expect(written).toEqual([]);
    }
  });

  it('redraws an async step on a timer', async () => {
    const { stream, written } = fakeStream(true);
    await withStepStatus('reading the logs', () => new Promise((r) => setTimeout(r, 700)), { stream, delayMs: 200 });
    expect(written[0]).toMatch(/^\rftree: reading the logs · 0 s\x1b\[K$/);
    expect(written.at(-1)).toBe('\r\x1b[K');
  });
});
