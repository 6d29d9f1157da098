import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

// Each test process gets its own secrets and data folder: nothing leaks between suites.
process.env.HUB_INTERNAL_SECRET ??= randomBytes(32).toString('base64url');
process.env.HUB_DEV_JWT_SECRET ??= randomBytes(32).toString('base64url');
process.env.HUB_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'hub-test-'));
// Deadlines far past any test's need: the suites check answers, not speed, and must pass on a
// machine whose cores are busy with other work (a nation-wide walk's subgraph call took over
// 30 s so). The fault suite and the deadline tests set their own short ones.
process.env.HUB_REQUEST_TIMEOUT_MS ??= '600000';
process.env.HUB_SUBGRAPH_TIMEOUT_MS ??= '300000';
process.env.HUB_INTERNAL_TIMEOUT_MS ??= '300000';
// The suites written for the pre-reform tree read it as it stood on its last day (rule 13 of
// docs/architecture.md: HUB_AS_OF replays a day of the tree, never in production). The suites of
// the two-tier tree clear it and run on the real day (test/support/reform.ts).
process.env.HUB_AS_OF ??= '2025-06-30';
