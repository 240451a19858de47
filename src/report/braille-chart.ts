// A line chart in Unicode braille for the terminal (report stage): each character cell holds 2 × 4
// dots, so a 64 × 12 cell plot has 128 × 48 points; consecutive points are joined by Bresenham lines.

export interface ChartSeries {
  readonly x: readonly number[];
  readonly y: readonly number[];
}

export interface BrailleChartOptions {
  /** Plot width and height in character cells (default 64 × 12). */
  readonly width?: number;
  readonly height?: number;
  /** Labels of the y axis's top, middle and bottom rows. */
  readonly yLabel: (y: number) => string;
  /** Labels of the x axis's ends and middle. */
  readonly xLabel: (x: number) => string;
  /** The y range (default: from min(0, data) to the data's maximum). */
  readonly yMin?: number;
  readonly yMax?: number;
}

/** Dot bits of a braille cell, by [column][row]. */
const DOTS = [
  [0x01, 0x02, 0x04, 0x40],
  [0x08, 0x10, 0x20, 0x80],
];
const BLANK = 0x2800;

export function renderBrailleChart(series: ChartSeries, options: BrailleChartOptions): string {
  const width = options.width ?? 64;
  const height = options.height ?? 12;
  const { x, y } = series;
  const finite = y.filter((v) => Number.isFinite(v));
  const yMin = options.yMin ?? Math.min(0, ...finite);
  let yMax = options.yMax ?? Math.max(...finite);
  if (!(yMax > yMin)) yMax = yMin + 1;
  const xMin = x[0] ?? 0;
  const xMax = x[x.length - 1] ?? 1;
  const dotsX = 2 * width;
  const dotsY = 4 * height;
  const cells = new Uint8Array(width * height);
  const plot = (px: number, py: number): void => {
    if (px < 0 || px >= dotsX || py < 0 || py >= dotsY) return;
    const row = height - 1 - Math.floor(py / 4);
    cells[row * width + Math.floor(px / 2)]! |= DOTS[px % 2]![3 - (py % 4)]!;
  };
  const toDot = (i: number): [number, number] => [
    Math.round(xMax > xMin ? ((x[i]! - xMin) / (xMax - xMin)) * (dotsX - 1) : 0),
    Math.round(((y[i]! - yMin) / (yMax - yMin)) * (dotsY - 1)),
  ];
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(y[i])) continue;
    const [x1, y1] = toDot(i);
    if (i === 0 || !Number.isFinite(y[i - 1])) {
      plot(x1, y1);
      continue;
    }
    const [x0, y0] = toDot(i - 1);
    line(x0, y0, x1, y1, plot);
  }

  const labels = [options.yLabel(yMax), options.yLabel((yMin + yMax) / 2), options.yLabel(yMin)];
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const lines: string[] = [];
  for (let row = 0; row < height; row++) {
    const label = row === 0 ? labels[0]! : row === Math.floor((height - 1) / 2) ? labels[1]! : row === height - 1 ? labels[2]! : '';
    const tick = label ? '┤' : '│';
    let text = '';
    // Empty cells are spaces, not the blank braille pattern, so that the text copies cleanly.
    for (let c = 0; c < width; c++) {
      const dots = cells[row * width + c]!;
      text += dots === 0 ? ' ' : String.fromCharCode(BLANK + dots);
    }
    lines.push(`${label.padStart(labelWidth)} ${tick}${text}`.trimEnd());
  }
  lines.push(`${' '.repeat(labelWidth)} └${'─'.repeat(width)}`);
  const left = options.xLabel(xMin);
  const middle = options.xLabel((xMin + xMax) / 2);
  const right = options.xLabel(xMax);
  const axis = new Array<string>(width + 1).fill(' ');
  const place = (text: string, at: number): void => {
    const start = Math.max(0, Math.min(width + 1 - text.length, at));
    for (let i = 0; i < text.length; i++) axis[start + i] = text[i]!;
  };
  place(left, 0);
  place(middle, Math.round(width / 2 - middle.length / 2));
  place(right, width + 1 - right.length);
  lines.push(`${' '.repeat(labelWidth + 1)}${axis.join('')}`.trimEnd());
  return lines.join('\n');
}

/** Bresenham's line from (x0, y0) to (x1, y1). */
function line(x0: number, y0: number, x1: number, y1: number, plot: (x: number, y: number) => void): void {
  const dx = Math.abs(x1 - x0);
  const dy = -Math.abs(y1 - y0);
  const sx = x0 < x1 ? 1 : -1;
  const sy = y0 < y1 ? 1 : -1;
  let err = dx + dy;
  for (;;) {
    plot(x0, y0);
    if (x0 === x1 && y0 === y1) return;
    const e2 = 2 * err;
    if (e2 >= dy) {
      err += dy;
      x0 += sx;
    }
    if (e2 <= dx) {
      err += dx;
      y0 += sy;
    }
  }
}
