import { badInput } from '../errors';
import { addDays } from './calendar';
import { assertDate } from './dates';

/** A reporting period of whole Vietnamese days, [from 00:00, day after `to` 00:00), bounds in stored local time. */
export interface Period {
  from: string;
  to: string;
  /** First stored instant of the period. */
  start: string;
  /** First stored instant after the period. */
  end: string;
}

/** The period from `from` to `to` (both 'YYYY-MM-DD', inclusive); BAD_USER_INPUT on a bad day or a reversed period. */
export function periodOf(from: string, to: string): Period {
  assertDate(from, 'from');
  assertDate(to, 'to');
  if (to < from) throw badInput(`The period ends (${to}) before it starts (${from})`, 'to');
  // The day after 9999-12-31 has five digits of year and would sort before every stored time.
  const end = to === '9999-12-31' ? '9999-12-31 23:59:59.999' : `${addDays(to, 1)} 00:00:00`;
  return { from, to, start: `${from} 00:00:00`, end };
}
