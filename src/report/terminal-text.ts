// Untrusted text (labels, titles, log lines) made safe for a terminal (report stage): control
// characters, escape sequences and bidirectional overrides are shown as visible symbols, never run.

/** C0 controls but tab, DEL, C1 controls, and the bidirectional embeddings, overrides and isolates. */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** ESC becomes ␛, a line break ␊, any other control its control picture or U+FFFD: one visible character each. */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\ufffd';
  });
}

/** Untrusted text for a column `width` characters wide: control characters made visible, then cut with an ellipsis. */
export function clip(text: string, width: number): string {
  const s = escapeControlCharacters(text);
  return s.length <= width ? s : `${s.slice(0, Math.max(0, width - 1))}…`;
}
