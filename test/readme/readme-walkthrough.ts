import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The README's integration walkthrough as the test runs it: the block that starts the hub
 * (after `<!-- walkthrough: the hub … -->`) and, in order, the bash blocks marked
 * `<!-- walkthrough step -->`. A marker must sit right above its fence, so a block cannot lose
 * its marker without the test noticing (fewer steps than the test checks).
 */
export interface Walkthrough {
  /** The environment the hub block gives `npm start`, by name (`HUB_WEBHOOK_ALLOWED_HOSTS`). */
  hubEnvironment: Record<string, string>;
  /** The steps' bash text, in README order. */
  steps: string[];
}

const HUB_BLOCK = /<!-- walkthrough: the hub[^>]*-->\n```sh\n([\s\S]*?)```/g;
const STEP_BLOCK = /<!-- walkthrough step -->\n```bash\n([\s\S]*?)```/g;

export function readWalkthrough(readmePath: string): Walkthrough {
  const readme = readFileSync(readmePath, 'utf8');
  const hubs = [...readme.matchAll(HUB_BLOCK)].map((match) => match[1].trim());
  if (hubs.length !== 1) throw new Error(`README.md has ${hubs.length} walkthrough hub blocks, not one`);
  // `NAME=value … npm start`: the test starts the hub the same way, with these variables.
  const command = /^((?:[A-Z_]+=\S+\s+)*)npm start$/.exec(hubs[0]);
  if (!command) throw new Error(`the walkthrough's hub block is not "NAME=value … npm start": ${hubs[0]}`);
  const hubEnvironment = Object.fromEntries(
    command[1]
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((assignment) => [assignment.slice(0, assignment.indexOf('=')), assignment.slice(assignment.indexOf('=') + 1)]),
  );
  return { hubEnvironment, steps: [...readme.matchAll(STEP_BLOCK)].map((match) => match[1]) };
}

/** One bash script of every step, each preceded by a line naming it, so its output can be told apart. */
export function stepScript(steps: string[]): string {
  return ['exec 2>&1', ...steps.map((step, index) => `printf '\\n${STEP_MARK}%d\\n' ${index + 1}\n${step}`)].join('\n');
}

export const STEP_MARK = '@@walkthrough step ';

/** Splits the script's output into each step's (index 0 is step 1). */
export function stepOutputs(output: string, count: number): string[] {
  const parts = output.split(new RegExp(`\\n${STEP_MARK}(\\d+)\\n`));
  const outputs: string[] = Array.from({ length: count }, () => '');
  for (let index = 1; index < parts.length; index += 2) outputs[Number(parts[index]) - 1] = parts[index + 1] ?? '';
  return outputs;
}

export const readmePath = (root: string) => resolve(root, 'README.md');
