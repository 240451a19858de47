// The width text reports wrap to (cli stage): the terminal's, else COLUMNS (as shells export it, and
// as a user sets it for a pipe), else 80.

export function terminalWidth(stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): number {
  if (stream.isTTY && stream.columns) return stream.columns;
  const columns = Number(env['COLUMNS']);
  return Number.isInteger(columns) && columns > 0 ? columns : 80;
}
