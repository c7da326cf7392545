import type { Cleaner } from '../cleaner.js';
import { type Doc, type Line, newLine } from '../doc.js';
import { BULLET_RE, endsLikeSentence } from '../model/shapes.js';
import { LETTER_OR_DIGIT_RE, LETTER_RE } from '../text-stats.js';

/**
 * Renderers that lay tables out side by side (w3m) put a layout table's cells on one line, padded
 * with spaces: `Sport home        Harry Redknapp out of Newcastle running        TRANSFERS`. A
 * headline or the first line of an article then shares its line with navigation cells, and
 * neither can be read for what it is.
 *
 * This cleaner gives such a line's cells lines of their own when exactly one cell is text (LONG_CELL
 * words or more) and the others are short labels, and keeps the column that text cell opens
 * together (see Column). Rows of two text columns stay whole (their cells hold parts of two
 * paragraphs wrapped side by side), unless one of the cells is the open column's text (see
 * readRow), and so do data-table rows and, outside such a column, rows of short cells only (a
 * menu reads best as one line).
 */

/** w3m pads cells with several spaces; within text, only a sentence end is followed by two. */
const CELL_GAP = / {3,}/;
/** A gap this wide parts layout cells; a shorter run of spaces may be non-breaking spaces between sentences. */
const WIDE_GAP = 6;
/** A cell of this many words is text (a headline has three words or more, a label fewer). */
export const LONG_CELL = 4;
/** A layout row holds the text and a label or two; a row of more cells with words is a data table. */
const MAX_CELLS = 3;
/** Box-drawing borders: a table drawn with its grid holds data, not page layout. */
const DRAWN_TABLE = /[\u2500-\u257f]/;
/** The vertical rules w3m draws between a bordered table's cells. */
const CELL_RULE = /[│┃║]/u;
const CELL_RULES = /[│┃║]/gu;

/**
 * w3m draws the grid of a table whose page asks for borders, a layout table's too ("│Top Stories
 * │Tributes paid to ... │Bangalore│"). In a row with text the vertical rules are gaps between
 * cells, read as w3m's padding is; a line of rules alone stays a drawn table's border. The columns
 * keep their places (one space for one rule; tidy-text trims the ends).
 */
function withoutCellRules(line: Line): void {
  if (CELL_RULE.test(line.text) && LETTER_RE.test(line.text)) line.text = line.text.replace(CELL_RULES, ' ');
}

function words(cell: string): number {
  let count = 0;
  for (const token of cell.split(' ')) if (LETTER_OR_DIGIT_RE.test(token)) count++;
  return count;
}

interface Cell {
  text: string;
  column: number;
  /** Spaces before the cell. */
  gap: number;
}

interface Row {
  parts: Cell[];
  /** Index of the text cell; -1 when all cells are labels or several are text. */
  text: number;
  /** Indexes of the cells of LONG_CELL words or more. */
  texts: number[];
}

/**
 * A page with more rows of side-by-side text than this per row of one text cell (beyond a couple
 * such as a share bar's "Print this story   Email a friend") has text in several columns, which
 * cannot be told apart row by row: its lines keep their order.
 */
const MAX_TEXT_COLUMN_ROWS = 1 / 4;
const TEXT_COLUMN_ROWS_ALLOWED = 2;

/** A row of more cells with words than a layout row has, two of them text: columns of text side by side. */
const TEXT_COLUMNS = 'text columns';

/** A row of these cells; `texts` are the indexes of its text cells. */
function rowOf(parts: Cell[], texts: number[]): Row {
  return { parts, text: texts.length === 1 ? texts[0] : -1, texts };
}

/**
 * The cells of a layout row, or null when the line has no cells or is a data table's row. `text` is
 * the index of its one text cell (-1 when all are labels or when several are text, see `texts`).
 */
function cells(line: Line): Row | typeof TEXT_COLUMNS | null {
  if (!line.text.includes('   ')) return null;
  const parts: Cell[] = [];
  const texts: number[] = [];
  let wordy = 0;
  let end = 0;
  for (const part of line.text.split(CELL_GAP)) {
    const previousEnd = end;
    const start = line.text.indexOf(part, end);
    end = start + part.length;
    const count = words(part);
    if (count >= LONG_CELL) texts.push(parts.length);
    if (count > 0 && ++wordy > MAX_CELLS) return texts.length > 1 ? TEXT_COLUMNS : null;
    parts.push({ text: part, column: line.indent + start, gap: start - previousEnd });
  }
  return rowOf(parts, texts);
}

/**
 * The row with a cell that runs across the open column's start cut there, when a word starts at
 * the column and a menu item ends just before it: w3m pads the items of a bulleted menu beside the
 * text with one or two spaces only ("• Rugby League However, his current deal runs out"). Without
 * a bullet the cut could as well fall inside a headline that starts left of the column.
 */
function cutAtColumn(row: Row, start: number): Row {
  const k = row.parts.findIndex((cell) => cell.column < start && start < cell.column + cell.text.length);
  if (k < 0) return row;
  const cell = row.parts[k];
  const at = start - cell.column;
  const left = cell.text.slice(0, at).trimEnd();
  if (cell.text[at - 1] !== ' ' || cell.text[at] === ' ' || words(left) >= LONG_CELL || !BULLET_RE.test(left)) return row;
  const right = cell.text.slice(at);
  const parts = [
    ...row.parts.slice(0, k),
    { text: left, column: cell.column, gap: cell.gap },
    { text: right, column: start, gap: at - left.length },
    ...row.parts.slice(k + 1),
  ];
  return rowOf(parts, parts.flatMap((part, i) => (words(part.text) >= LONG_CELL ? [i] : [])));
}

/**
 * A row of several text cells, one of them in the open text column (starting at `start`): labels
 * of four words or more beside the article's text ("T in the Park   \"This is a deal we have..."),
 * read as that column's row. Null for text columns side by side, and for sentences that only a
 * short run of spaces parts (non-breaking spaces): a cell right of the text must stand WIDE_GAP off.
 */
function inColumn(row: Row, start: number): Row | null {
  const at = row.texts.filter((k) => row.parts[k].column === start);
  if (at.length !== 1) return null;
  const right = row.parts.slice(at[0] + 1);
  return right.every((cell) => cell.gap >= WIDE_GAP) ? { ...row, text: at[0] } : null;
}

/**
 * Consecutive rows whose text cell starts at one column are one column of the layout table. Its
 * text stays in one piece (a paragraph wrapped inside the cell is not cut by labels), with the
 * labels of the columns to its left before it and those to its right after it, in the order a
 * page's source has them.
 */
interface Column {
  start: number;
  left: Line[];
  text: Line[];
  right: Line[];
  /** Where the labels right of the text start: a column of teasers beside the article. */
  rightStarts: Set<number>;
}

function label(column: Column, line: Line): void {
  (line.indent < column.start ? column.left : column.right).push(line);
}

/** A cell that starts where the column's right labels start, off the text by a wide gap. */
function rightLabel(column: Column, cell: Cell): boolean {
  return cell.gap >= WIDE_GAP && column.rightStarts.has(cell.column);
}

/** The row's one text cell is a teaser where the column's right labels start, beside a cell of the column. */
function teaserBeside(row: Row, column: Column): boolean {
  return row.text >= 0 && rightLabel(column, row.parts[row.text]) && row.parts.some((cell) => cell.column === column.start);
}

/** The row's cell `first` of the column ends a paragraph ("ends here.") beside a cell where the column's right labels start. */
function lastLineBeside(row: Row, first: number, column: Column): boolean {
  return endsLikeSentence(row.parts[first].text.trimEnd()) && row.parts.some((cell, k) => k > first && rightLabel(column, cell));
}

function close(column: Column | null, lines: Line[]): void {
  if (column) lines.push(...column.left, ...column.text, ...column.right);
}

/** The page's main column: where most text cells start, and how wide its widest text cell is. */
interface Main {
  start: number;
  width: number;
  /** Share of its rows with a cell left of it: every row of a data table has one, a sidebar runs out. */
  leftShare: number;
}

/** Where most text cells start: the article's column, in a layout of text beside a teaser list. */
function mainColumn(rows: (Row | typeof TEXT_COLUMNS | null)[]): Main {
  const counts = new Map<number, number>();
  for (const row of rows) {
    if (row === null || row === TEXT_COLUMNS) continue;
    for (const k of row.texts) counts.set(row.parts[k].column, (counts.get(row.parts[k].column) ?? 0) + 1);
  }
  let best = -1;
  let most = 0;
  for (const [column, count] of counts) if (count > most || (count === most && column < best)) [best, most] = [column, count];
  let width = 0;
  let inMain = 0;
  let withLeft = 0;
  for (const row of rows) {
    if (row === null || row === TEXT_COLUMNS) continue;
    const at = row.parts.findIndex((cell) => cell.column === best);
    if (at < 0) continue;
    width = Math.max(width, row.parts[at].text.length);
    inMain++;
    if (at > 0) withLeft++;
  }
  return { start: best, width, leftShare: inMain ? withLeft / inMain : 0 };
}

/** A sidebar's column is at most this share of the article's width; a second column of text is as wide. */
const SIDEBAR_SHARE = 0.6;
/** A column left of the article's beside fewer than this share of its rows is a sidebar, not a data table's. */
const SIDEBAR_ROWS = 0.5;

/**
 * The row read in the main column when its other text cells are a sidebar's teasers (narrower than
 * the article; left of it, only beside a minority of its rows) or items of a bulleted list; else
 * null. A text cell left of it on a page where most rows have one makes a data table's row
 * ("Groundhog Day   1993   Self-centered television weatherman..."), and one as wide as the
 * article's column a second column of text.
 */
function besideMain(row: Row, main: Main): Row | null {
  const read = inColumn(row, main.start);
  if (read === null) return null;
  // Left of the text, a sidebar's teasers beside the few rows it reaches; every row of a data table has its cells there.
  const sidebarLeft = main.leftShare < SIDEBAR_ROWS;
  const teaser = (k: number) => (k > read.text || sidebarLeft) && row.parts[k].text.length <= SIDEBAR_SHARE * main.width;
  return row.texts.every((k) => k === read.text || teaser(k) || BULLET_RE.test(row.parts[k].text)) ? read : null;
}

/**
 * A row as the open column (or, with none open, the page's main column) reads it; null for a line
 * that stays whole. A row of several text cells stays whole unless one of them is the open
 * column's text, or the main column's text beside teasers or a bulleted list (`beside`, the row's
 * besideMain).
 */
function readRow(found: Row | null, column: Column | null, beside: Row | null): Row | null {
  if (found === null) return null;
  const row = column ? cutAtColumn(found, column.start) : found;
  // A teaser of four words or more where the open column's right labels start opens no column of its own.
  if (row.texts.length <= 1) return column && teaserBeside(row, column) ? { ...row, text: -1 } : row;
  return column ? inColumn(row, column.start) : beside;
}

export const splitCells: Cleaner = {
  id: 'split-cells',
  description: 'Gives the cells of a side-by-side table row lines of their own when one cell is text and the rest are labels.',
  run(doc: Doc): void {
    splitRows(doc);
    for (const line of doc.lines) notePadding(line);
  },
};

/** Two spaces between two parts of a line that has no wider gap. */
const PADDING_RE = /\S {2}\S/u;

/** Records the parts of a line that two spaces part (see Line.padded); wider gaps are split-cells' cells. */
function notePadding(line: Line): void {
  const text = line.text.trim();
  if (PADDING_RE.test(text) && !CELL_GAP.test(text)) line.padded = text.split('  ');
}

function splitRows(doc: Doc): void {
  for (const line of doc.lines) withoutCellRules(line);
  const drawn = doc.lines.map((line) => DRAWN_TABLE.test(line.text));
  const rows = doc.lines.map((line, i) => (drawn[i] ? null : cells(line)));
  const main = mainColumn(rows);
  // Each row of several text cells read in the main column, once: for the count below and for reading it.
  const beside = rows.map((row) => (row !== null && row !== TEXT_COLUMNS && row.texts.length > 1 ? besideMain(row, main) : null));
  // Rows of several text cells are text columns side by side, unless the text beside the page's
  // main column is a sidebar's teasers right of it or a bulleted list.
  const textColumns = rows.filter((row, i) => row === TEXT_COLUMNS || (row !== null && row.texts.length > 1 && beside[i] === null)).length;
  const oneText = rows.filter((row) => row !== null && row !== TEXT_COLUMNS && row.texts.length === 1).length;
  if (textColumns > TEXT_COLUMN_ROWS_ALLOWED + oneText * MAX_TEXT_COLUMN_ROWS) return;
  const lines: Line[] = [];
  let column: Column | null = null;
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i];
    const row = readRow(rows[i] === TEXT_COLUMNS ? null : (rows[i] as Row | null), column, beside[i]);
    if (drawn[i]) {
      close(column, lines);
      column = null;
      lines.push(line);
      continue;
    }
    let opens = false;
    if (row && row.text >= 0 && column?.start !== row.parts[row.text].column) {
      close(column, lines);
      column = { start: row.parts[row.text].column, left: [], text: [], right: [], rightStarts: new Set() };
      opens = true;
    }
    if (column === null) {
      lines.push(line);
      continue;
    }
    const at = column.start;
    const first = row ? row.parts.findIndex((cell) => cell.column === at) : -1;
    if (row && first >= 0) {
      // A row of the open column: its cell at the column's start is text and the cells to its
      // left are labels. The cells to its right are labels too, unless all are short: a row of
      // short cells stays whole from the column on ("Jane Doe   12 May 2008 10:31"), but not a
      // paragraph's short last line beside a cell where the column's right labels start
      // ("ends here.      » Teaser").
      const whole = row.text < 0 && !lastLineBeside(row, first, column);
      const rest = line.text.slice(row.parts[first].column - line.indent);
      for (let k = 0; k <= first; k++) {
        const cell = row.parts[k];
        const text = k === first && whole ? rest : cell.text;
        const part = k === 0 ? Object.assign(line, { text }) : newLine(line.n, text, cell.column, 0);
        if (first > 0 || !whole) part.cell = true;
        // The text that opens a column stands apart from the labels beside it, as after a blank line.
        if (k === first && opens) part.blankBefore = Math.max(part.blankBefore, 1);
        if (k === first) column.text.push(part);
        else label(column, part);
      }
      if (!whole) {
        for (const cell of row.parts.slice(first + 1)) {
          label(column, { ...newLine(line.n, cell.text, cell.column, 0), cell: true });
          if (cell.gap >= WIDE_GAP) column.rightStarts.add(cell.column);
        }
      }
    } else if (!row && line.indent === column.start) column.text.push(line);
    else if (row || words(line.text) < LONG_CELL || column.rightStarts.has(line.indent)) label(column, line);
    else {
      close(column, lines);
      column = null;
      lines.push(line);
    }
  }
  close(column, lines);
  doc.lines = lines;
}
