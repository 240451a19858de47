import { loadEngineInput } from './load-engine-input.js';

describe('loadEngineInput', () => {
  it('loads the tree with the top event --top-event names', async () => {
    const { tree } = await loadEngineInput(['trees/payment-latency.yaml'], { color: false });
    expect(tree.top).toBe('p99_slo_breach');
    const sub = [...tree.gates.keys()].find((id) => id !== tree.top)!;
    expect((await loadEngineInput(['trees/payment-latency.yaml'], { color: false, topEvent: sub })).tree.top).toBe(sub);
  });

  it('passes --mission-time on, which a YAML tree refuses (it sets mission_time: itself)', async () => {
    const loading = loadEngineInput(['trees/payment-latency.yaml'], { color: false, missionTime: '24h' });
    await expect(loading).rejects.toMatchObject({ code: 'USAGE' });
    await expect(loading).rejects.toThrow('--mission-time applies to Open-PSA MEF models');
  });
});
