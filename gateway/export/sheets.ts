/**
 * A GraphQL answer's `data` as sheets: every list is a sheet (a connection's `nodes` or
 * `edges[].node`, or a list of objects such as `byLevel`), one row per item, one column per
 * scalar field (nested objects as dotted columns: `unit.code`); every other scalar (the
 * figures of a statistics query, a connection's `totalCount`) is a row of the summary sheet.
 * Values keep their JSON type: numbers stay numbers, text stays text (codes such as "01" too).
 */
export type Cell = string | number | boolean | null;

export interface Sheet {
  /** A valid, unique worksheet name (at most 31 characters, none of \ / ? * [ ] :). */
  name: string;
  columns: string[];
  rows: Cell[][];
}

export const SUMMARY_SHEET = 'Summary';
const MAX_NAME = 31;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (value: Json | undefined): value is { [key: string]: Json } => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The items of a list value: a connection's nodes (or its edges' nodes), or a list of objects. */
function itemsOf(value: Json): { [key: string]: Json }[] | null {
  if (Array.isArray(value)) return value.length > 0 && value.every(isObject) ? (value as { [key: string]: Json }[]) : null;
  if (!isObject(value)) return null;
  if (Array.isArray(value.nodes)) return value.nodes.filter(isObject);
  if (Array.isArray(value.edges)) {
    return value.edges.filter(isObject).map((edge) => {
      // The edge's own fields besides its cursor (rarely any) go beside the node's.
      const { node, cursor: _cursor, ...extra } = edge;
      return { ...extra, ...(isObject(node) ? node : {}) };
    });
  }
  return null;
}

/** One item as dotted columns; a list inside an item is one cell (scalars joined by "; ", else JSON). */
function flatten(item: { [key: string]: Json }, prefix: string, into: Map<string, Cell>) {
  for (const [key, value] of Object.entries(item)) {
    if (key === '__typename') continue;
    const column = prefix + key;
    if (isObject(value)) flatten(value, `${column}.`, into);
    else if (Array.isArray(value)) into.set(column, value.every((entry) => !isObject(entry) && !Array.isArray(entry)) ? value.join('; ') : JSON.stringify(value));
    else into.set(column, value);
  }
}

function tableOf(items: { [key: string]: Json }[]): { columns: string[]; rows: Cell[][] } {
  const flat = items.map((item) => {
    const cells = new Map<string, Cell>();
    flatten(item, '', cells);
    return cells;
  });
  const columns = [...new Set(flat.flatMap((cells) => [...cells.keys()]))];
  return { columns, rows: flat.map((cells) => columns.map((column) => cells.get(column) ?? null)) };
}

/** A worksheet name from a field path: its tail, when too long; clashes get " (2)", " (3)"… */
function sheetName(path: string, taken: Set<string>): string {
  const clean = (path || 'data').replace(/[\\/?*[\]:]/g, '_');
  const base = clean.length > MAX_NAME ? clean.slice(-MAX_NAME) : clean;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, MAX_NAME - ` (${n})`.length)} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

/** The sheets of an answer: the summary first when it holds anything, then one per list, in the order of the answer. */
export function sheetsOf(data: Record<string, unknown>): Sheet[] {
  const summary: Cell[][] = [];
  const lists: { path: string; items: { [key: string]: Json }[] }[] = [];
  const walk = (value: Json, path: string) => {
    const items = itemsOf(value);
    if (items) {
      lists.push({ path, items });
      // A connection's other fields (totalCount, pageInfo) are figures of the summary.
      if (isObject(value)) for (const [key, field] of Object.entries(value)) if (key !== 'nodes' && key !== 'edges') walk(field, `${path}.${key}`);
      return;
    }
    if (isObject(value)) for (const [key, field] of Object.entries(value)) walk(field, path ? `${path}.${key}` : key);
    else if (Array.isArray(value)) summary.push([path, value.every((entry) => !isObject(entry) && !Array.isArray(entry)) ? value.join('; ') : JSON.stringify(value)]);
    else if (!path.endsWith('__typename')) summary.push([path, value]);
  };
  walk(data as Json, '');
  const taken = new Set<string>([SUMMARY_SHEET.toLowerCase()]);
  const sheets: Sheet[] = summary.length ? [{ name: SUMMARY_SHEET, columns: ['Field', 'Value'], rows: summary }] : [];
  for (const list of lists) sheets.push({ name: sheetName(list.path, taken), ...tableOf(list.items) });
  return sheets;
}
