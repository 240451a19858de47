// Entry point of the command line (cli stage): placeholder replaced as commands land.
export function main(_argv: readonly string[]): void {
  process.exitCode = 0;
}
