import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

// Each test process gets its own secrets and data folder: nothing leaks between suites.
process.env.HUB_INTERNAL_SECRET ??= randomBytes(32).toString('base64url');
process.env.HUB_DEV_JWT_SECRET ??= randomBytes(32).toString('base64url');
process.env.HUB_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'hub-test-'));
