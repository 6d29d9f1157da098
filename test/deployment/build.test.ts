import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot } from '../../services/core/config';

/** Every file under a folder with its modification time in nanoseconds. */
function modificationTimes(folder: string): Map<string, bigint> {
  const times = new Map<string, bigint>();
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    times.set(path, statSync(path, { bigint: true }).mtimeNs);
  }
  return times;
}

/**
 * `npm run token` (and `npm start`, `npm run migrate`…) build before they run. The build is
 * incremental (tsconfig.json, `dist/.tsbuildinfo`): when nothing changed it rewrites no file, so
 * a token minted beside a running hub cannot leave another process loading a half-written
 * module from dist/ (a subgraph that started with its definition `undefined`).
 */
describe('the build', () => {
  it('writes no file of dist/ when no source changed', () => {
    const root = projectRoot();
    const tsc = resolve(root, 'node_modules/typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', '.'], { cwd: root, stdio: 'pipe', timeout: 300_000 });
    const before = modificationTimes(resolve(root, 'dist/services'));
    expect(before.size).toBeGreaterThan(100);
    execFileSync(process.execPath, [tsc, '-p', '.'], { cwd: root, stdio: 'pipe', timeout: 300_000 });
    const changed = [...modificationTimes(resolve(root, 'dist/services'))].filter(([path, time]) => before.get(path) !== time).map(([path]) => path);
    expect(changed).toEqual([]);
  }, 600_000);
});
