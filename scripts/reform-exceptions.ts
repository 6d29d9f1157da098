import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reformTree } from '../services/core/demo/reform-2025';

/**
 * Writes `services/core/demo/reform-2025-exceptions.json`: the pre-reform communes the
 * reconciliation rule (services/core/demo/reform-2025.ts) finds no successor for, with the
 * reason, and the counts the README quotes. `test/units/reform-tree.test.ts` keeps the
 * checked-in file equal to what the rule gives.
 */
export function reformExceptionsFile() {
  const { exceptions, counts, withoutPredecessor } = reformTree();
  return { rule: 'services/core/demo/reform-2025.ts', counts, withoutPredecessor, exceptions };
}

export const EXCEPTIONS_PATH = join(__dirname, '..', '..', 'services', 'core', 'demo', 'reform-2025-exceptions.json');

if (require.main === module) {
  writeFileSync(EXCEPTIONS_PATH, `${JSON.stringify(reformExceptionsFile(), null, 2)}\n`);
  console.log(`wrote ${EXCEPTIONS_PATH}`);
}
