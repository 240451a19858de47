import { terminalWidth } from './terminal-width.js';

describe('terminalWidth', () => {
  const stream = (isTTY: boolean, columns?: number) => ({ isTTY, columns }) as unknown as NodeJS.WriteStream;
  it('takes the terminal, else COLUMNS, else 80', () => {
    expect(terminalWidth(stream(true, 200), { COLUMNS: '100' })).toBe(200);
    expect(terminalWidth(stream(false), { COLUMNS: '132' })).toBe(132);
    expect(terminalWidth(stream(false), { COLUMNS: 'wide' })).toBe(80);
    expect(terminalWidth(stream(false), {})).toBe(80);
  });
});
