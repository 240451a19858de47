// Finds one cycle in a directed graph given by its nodes and a successor function (model stage).
// Iterative depth-first search with three colours, so deep trees cannot overflow the stack.

export function findCycle(nodes: readonly string[], successors: (id: string) => readonly string[]): string[] | undefined {
  const WHITE = 0;
  const GREY = 1;
  const BLACK = 2;
  const colour = new Map<string, number>();
  for (const start of nodes) {
    if ((colour.get(start) ?? WHITE) !== WHITE) continue;
    const path: string[] = [start];
    const iters: number[] = [0];
    const succ: (readonly string[])[] = [successors(start)];
    colour.set(start, GREY);
    while (path.length > 0) {
      const top = path.length - 1;
      const next = succ[top]![iters[top]!];
      if (next === undefined) {
        colour.set(path[top]!, BLACK);
        path.pop();
        iters.pop();
        succ.pop();
        continue;
      }
      iters[top]!++;
      const c = colour.get(next) ?? WHITE;
      if (c === GREY) return path.slice(path.indexOf(next));
      if (c === WHITE) {
        colour.set(next, GREY);
        path.push(next);
        iters.push(0);
        succ.push(successors(next));
      }
    }
  }
  return undefined;
}
