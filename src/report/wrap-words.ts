// Text wrapped at spaces to a width (report stage), continuation lines indented: long lists such as
// the single points of failure stay inside the terminal instead of one line of hundreds of columns.

export function wrapWords(text: string, width: number, indent = 0): string {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && candidate.length > width) {
      lines.push(line);
      line = `${pad}${word}`;
    } else line = candidate;
  }
  lines.push(line);
  return lines.join('\n');
}
