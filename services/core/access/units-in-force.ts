import { badInput } from '../errors';
import { inForceOn, treeDay } from '../time';

/** What a write needs to know of a unit to tell whether it may still get new records. */
export interface UnitInTime {
  code: string;
  name: string;
  validFrom: string | null;
  validTo: string | null;
  /** Where its territory went, when it is dissolved. */
  successors: readonly { code: string; name: string }[];
}

/**
 * `docs/architecture.md` rule 13: new records (a dossier, a document, an inspection, a client)
 * go to units in force today (Vietnam's day). A dissolved unit is BAD_USER_INPUT naming where
 * its territory went, so the caller can retry with the right unit; nothing is written.
 */
/**
 * A record dated `day` (a dossier's reception, a document's issue, a plan's year) cannot belong to
 * a unit that did not exist yet: it belongs to the predecessor that did (rule 13). BAD_USER_INPUT
 * on `argument`, nothing written. (After the unit's last day is `assertInForce`'s, on today.)
 */
export function assertExistedOn(unit: Pick<UnitInTime, 'code' | 'name' | 'validFrom'>, day: string, argument: string): void {
  if (unit.validFrom !== null && day < unit.validFrom) {
    throw badInput(`Unit ${unit.code} (${unit.name}) exists from ${unit.validFrom}: a record of ${day} belongs to the unit that held that territory then`, argument);
  }
}

export function assertInForce(unit: UnitInTime, argument: string, day = treeDay()): void {
  if (inForceOn(unit.validFrom, unit.validTo, day)) return;
  if (unit.validTo === null || unit.validTo >= day) {
    throw badInput(`Unit ${unit.code} (${unit.name}) comes into force on ${unit.validFrom}: it gets no records before then`, argument);
  }
  const successors = unit.successors.map((successor) => `${successor.code} (${successor.name})`).join(', ');
  throw badInput(
    `Unit ${unit.code} (${unit.name}) was dissolved after ${unit.validTo}: new records go to units in force${successors ? `; its territory went into ${successors}` : ''}`,
    argument,
  );
}
