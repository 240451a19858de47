import { escapeControlCharacters } from './terminal-text.js';

describe('escapeControlCharacters', () => {
  it('shows escape sequences, line breaks and bidi overrides as visible characters', () => {
    expect(escapeControlCharacters('a\u001b[2Jb\u001b]8;;http://x\u0007c\nd\u202ee\u009b')).toBe('a\u241b[2Jb\u241b]8;;http://x\u2407c\u240ad\ufffde\ufffd');
  });

  it('keeps ordinary text, tabs and non-ASCII letters', () => {
    expect(escapeControlCharacters('Datenbank überlastet\t— 5 % → p99')).toBe('Datenbank überlastet\t— 5 % → p99');
  });
});
