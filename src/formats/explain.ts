import { Chalk, type ChalkInstance } from 'chalk';
import type { Doc, Line, Zone } from '../doc.js';

export interface ExplainOptions {
  /** Colour by zone; only for a terminal, never under NO_COLOR. */
  colour: boolean;
  /** Number of lines in the dump, so trailing blank lines show too. */
  lineCount: number;
  /** Makes page text safe to print on a terminal. */
  sanitise: (text: string) => string;
}

const ZONE_WIDTH = 'comment-header'.length + 1;
const BY_WIDTH = 18;

function zoneColour(chalk: ChalkInstance, zone: Zone): ChalkInstance {
  if (zone.startsWith('junk:')) return chalk.gray;
  switch (zone) {
    case 'title':
      return chalk.bold.magenta;
    case 'byline':
    case 'date':
      return chalk.cyan;
    case 'caption':
      return chalk.blue;
    case 'body':
      return chalk.green;
    case 'comment-header':
      return chalk.bold.yellow;
    default:
      return chalk.yellow;
  }
}

function explainLine(chalk: ChalkInstance, line: Line, sanitise: (text: string) => string): string {
  const paint = zoneColour(chalk, line.zone);
  const head = [
    String(line.n).padStart(5),
    paint(line.zone.padEnd(ZONE_WIDTH)),
    line.score.toFixed(2),
    (line.by || '-').padEnd(BY_WIDTH),
  ].join(' ');
  const reason = line.reason ? chalk.dim(`  (${sanitise(line.reason)})`) : '';
  return `${head} ${paint(sanitise(line.text))}${reason}`;
}

/**
 * The dump line by line: number, zone, score, deciding cleaner, text and reason.
 * Blank dump lines are listed too, so the numbers match the input file.
 */
export function renderExplain(doc: Doc, options: ExplainOptions): string {
  const chalk = new Chalk({ level: options.colour ? 1 : 0 });
  const out: string[] = [];
  let next = 1;
  for (const line of doc.lines) {
    for (; next < line.n; next++) out.push(String(next).padStart(5));
    out.push(explainLine(chalk, line, options.sanitise));
    next = Math.max(next, line.n + 1);
  }
  for (; next <= options.lineCount; next++) out.push(String(next).padStart(5));
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
