import type { Connection } from 'mysql2/promise';
import { demoUnits, type DemoUnit } from '../../services/core/demo/administrative-tree';
import { REFORM_DAY, reformTree } from '../../services/core/demo/reform-2025';

/**
 * Generated dossiers for the scale benchmark: ten years up to today over every commune of both
 * trees (before 1 July 2025 the communes of the 63 provinces, from then the 34 provinces'), with
 * a realistic spread: more in the big cities, fewer around Tết and in the summer, fewer at
 * weekends, more online each year; about 88% resolved on time, 9% late, 3% rejected or
 * withdrawn, the recent ones still in progress. Deterministic (a fixed pseudo-random sequence).
 */

/** Mulberry32: small, fast, reproducible. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The big provinces of both trees weigh three times a commune elsewhere (Hà Nội, Hồ Chí Minh City, Hải Phòng, Đà Nẵng). */
const BIG_PROVINCES = new Set(['01', '79', '31', '48', '01@2025', '79@2025', '31@2025', '48@2025']);
/** Dossiers by month, January first: Tết (January-February) and the summer are quieter, the year's end busier. */
const SEASON = [0.8, 0.6, 1.05, 1.05, 1.0, 0.95, 0.9, 0.95, 1.05, 1.1, 1.15, 1.3];

interface WeightedCommunes {
  communes: DemoUnit[];
  cumulative: Float64Array;
}

function weighted(communes: DemoUnit[]): WeightedCommunes {
  const cumulative = new Float64Array(communes.length);
  let total = 0;
  communes.forEach((commune, index) => {
    total += BIG_PROVINCES.has(commune.path.split('/')[1]) ? 3 : 1;
    cumulative[index] = total;
  });
  return { communes, cumulative };
}

function pick({ communes, cumulative }: WeightedCommunes, draw: number): DemoUnit {
  const target = draw * cumulative[cumulative.length - 1];
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle] <= target) low = middle + 1;
    else high = middle;
  }
  return communes[low];
}

const pad = (value: number) => String(value).padStart(2, '0');
const localTime = (date: Date) =>
  `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;

export const DOSSIER_COLUMNS = [
  'id', 'procedureId', 'unitId', 'unitPath', 'agencyId', 'channel', 'status', 'receivedAt', 'dueAt', 'resolvedAt', 'returnedAt', 'closedAt',
  'supplementSince', 'supplementWaitSeconds', 'componentCount', 'digitizedComponents', 'paidOnline', 'resultByPost', 'apologyAt', 'promisedAt',
  'rating', 'applicantName', 'applicantIdNumber',
];

export interface GenerateOptions {
  count: number;
  /** Today, `YYYY-MM-DD` (local): the last day dossiers are received, and "now" for their state. */
  today: string;
  /** Procedure ids by province path (`VN/62/`), and a pool for provinces without a catalogue. */
  procedures: Map<string, string[]>;
  fallbackProcedures: string[];
  rowsPerStatement?: number;
  onProgress?: (inserted: number) => void;
}

/** Inserts `count` generated dossiers with multi-row INSERTs on the given connections (in turn). */
export async function insertGeneratedDossiers(connections: Connection[], options: GenerateOptions): Promise<void> {
  const next = random(20261130);
  const before = weighted([...demoUnits().values()].filter((unit) => unit.level === 'COMMUNE'));
  const after = weighted([...reformTree().units.values()].filter((unit) => unit.level === 'COMMUNE' && unit.id.endsWith('@2025')));
  const now = new Date(`${options.today}T17:00:00Z`);
  const first = new Date(now);
  first.setUTCFullYear(first.getUTCFullYear() - 10);
  const days: { date: Date; weight: number }[] = [];
  for (let day = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate())); day <= now; day = new Date(day.getTime() + 86_400_000)) {
    const weekday = day.getUTCDay();
    const years = (day.getTime() - first.getTime()) / (365 * 86_400_000);
    days.push({ date: day, weight: SEASON[day.getUTCMonth()] * (weekday === 0 ? 0.1 : weekday === 6 ? 0.4 : 1) * (1 + years * 0.05) });
  }
  const totalWeight = days.reduce((sum, day) => sum + day.weight, 0);
  const size = options.rowsPerStatement ?? 4000;
  const head = `INSERT INTO dossier (${DOSSIER_COLUMNS.join(', ')}) VALUES `;
  let values: string[] = [];
  let inserted = 0;
  let serial = 0;
  let carry = 0;
  const inFlight: Promise<unknown>[] = connections.map(() => Promise.resolve());
  let turn = 0;
  const flush = async () => {
    if (values.length === 0) return;
    const statement = head + values.join(',');
    const count = values.length;
    values = [];
    const slot = turn++ % connections.length;
    await inFlight[slot];
    inFlight[slot] = connections[slot].query(statement).then(() => {
      inserted += count;
      options.onProgress?.(inserted);
    });
  };
  const quote = (value: string | null) => (value === null ? 'NULL' : `'${value}'`);
  for (const { date, weight } of days) {
    const exact = (options.count * weight) / totalWeight + carry;
    let today = Math.floor(exact);
    carry = exact - today;
    if (date.getTime() === days[days.length - 1].date.getTime()) today = options.count - serial;
    const reformed = localTime(date).slice(0, 10) >= REFORM_DAY;
    const years = date.getUTCFullYear() - first.getUTCFullYear();
    for (let i = 0; i < today; i++) {
      const unit = pick(reformed ? after : before, next());
      const provincePath = unit.path.split('/').slice(0, 2).join('/') + '/';
      const pool = options.procedures.get(provincePath) ?? options.fallbackProcedures;
      const received = new Date(date.getTime() + (7.5 + next() * 9.5) * 3_600_000);
      if (received > now) received.setTime(now.getTime() - next() * 3_600_000);
      const processingDays = 3 + Math.floor(next() * 13);
      const due = new Date(received.getTime() + processingDays * 86_400_000);
      const outcome = next();
      let status = 'RESOLVED';
      let resolved: Date | null = null;
      let closed: Date | null = null;
      let returned: Date | null = null;
      let apology: string | null = null;
      let rating: number | null = null;
      if (outcome < 0.015) {
        status = 'REJECTED';
        closed = new Date(received.getTime() + next() * 3 * 86_400_000);
      } else if (outcome < 0.03) {
        status = 'WITHDRAWN';
        closed = new Date(received.getTime() + next() * 5 * 86_400_000);
      } else {
        const late = outcome > 0.91;
        resolved = late
          ? new Date(due.getTime() + (1 + next() * 10) * 86_400_000)
          : new Date(received.getTime() + 3_600_000 + next() * (due.getTime() - received.getTime() - 3_600_000));
        closed = resolved;
        if (late && next() < 0.5) apology = localTime(new Date(due.getTime() + 3_600_000));
        if (next() < 0.92) {
          returned = new Date(resolved.getTime() + next() * 2 * 86_400_000);
          status = 'RETURNED';
          if (next() < 0.4) rating = next() < 0.8 ? 4 + Math.floor(next() * 2) : 1 + Math.floor(next() * 3);
        }
      }
      // What has not happened yet is not there: the recent dossiers are still being processed.
      if (closed && closed > now) {
        status = 'PROCESSING';
        resolved = closed = returned = null;
        apology = null;
        rating = null;
      } else if (returned && returned > now) {
        status = 'RESOLVED';
        returned = null;
        rating = null;
      }
      if (apology !== null && (resolved === null || apology > localTime(now))) apology = null;
      const channelDraw = next();
      const online = 0.15 + years * 0.05;
      const channel = channelDraw < online ? 'ONLINE' : channelDraw < 0.95 ? 'IN_PERSON' : 'POSTAL';
      const components = 1 + Math.floor(next() * 6);
      const digitized = Math.min(components, Math.floor(next() * (components + 1) * (0.3 + years * 0.07)));
      serial++;
      values.push(
        [
          quote(`S${serial.toString(36)}`),
          quote(pool[Math.floor(next() * pool.length)]),
          quote(unit.id),
          quote(`${unit.path}/`),
          quote('scale'),
          quote(channel),
          quote(status),
          quote(localTime(received)),
          quote(localTime(due)),
          quote(resolved && localTime(resolved)),
          quote(returned && localTime(returned)),
          quote(closed && localTime(closed)),
          'NULL',
          '0',
          String(components),
          String(digitized),
          next() < 0.3 ? '1' : '0',
          next() < 0.1 ? '1' : '0',
          quote(apology),
          quote(apology && localTime(new Date(due.getTime() + 5 * 86_400_000))),
          rating === null ? 'NULL' : String(rating),
          quote('Nguyen Van Thu'),
          quote(String(100000000000 + serial)),
        ].join(',').replace(/^/, '(') + ')',
      );
      if (values.length >= size) await flush();
    }
  }
  await flush();
  await Promise.all(inFlight);
}
