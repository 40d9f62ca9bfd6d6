import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One measured figure of `npm run bench`. */
export type Figure = { name: string; value: number; unit: string; target: string; met: boolean | null };

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** Prints the figures as a table and writes them as JSON under test/bench/results/. */
export function report(suite: string, figures: Figure[]) {
  const rows = figures.map((f) => [f.name, f.value.toFixed(f.value < 10 ? 2 : 1), f.unit, f.target, f.met === null ? '' : f.met ? 'met' : 'MISSED']);
  const head = ['figure', 'value', 'unit', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(`\n${suite}\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
  const dir = join(process.cwd(), 'test/bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${suite}.json`), JSON.stringify({ suite, measuredAt: new Date().toISOString(), node: process.version, figures }, null, 2));
}
