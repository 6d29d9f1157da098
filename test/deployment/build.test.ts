import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot } from '../../services/core/config';

/** Every file under a folder with its modification time in nanoseconds, but the build's own record (dist/.tsbuildinfo). */
function modificationTimes(folder: string): Map<string, bigint> {
  const times = new Map<string, bigint>();
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name === '.tsbuildinfo') continue;
    const path = join(entry.parentPath, entry.name);
    times.set(path, statSync(path, { bigint: true }).mtimeNs);
  }
  return times;
}

/**
 * `npm run token` (and `npm start`, `npm run migrate`…) build before they run. The build is
 * incremental (tsconfig.json, `dist/.tsbuildinfo`): when nothing changed it rewrites no file, so
 * a token minted beside a running hub cannot leave another process loading a half-written
 * module from dist/ (a subgraph that started with its definition `undefined`). The build is
 * `npm run build` (package.json), as every script runs it.
 */
describe('the build', () => {
  it('writes no file of dist/ when no source changed', () => {
    const root = projectRoot();
    const build = () => execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'pipe', timeout: 300_000 });
    build();
    const before = modificationTimes(resolve(root, 'dist'));
    expect(before.size).toBeGreaterThan(100);
    build();
    const changed = [...modificationTimes(resolve(root, 'dist'))].filter(([path, time]) => before.get(path) !== time).map(([path]) => path);
    expect(changed).toEqual([]);
  }, 600_000);
});
