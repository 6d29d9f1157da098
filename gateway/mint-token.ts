import { parseArgs } from 'node:util';
import type { Role } from '../services/core/principal';
import { mintDevToken } from './auth/dev-token';

const USAGE = `Usage: npm run token -- --unit <code> [--roles OFFICER,VIEWER] [--name "…"] [--expires 8h]
Prints a development token for the hub started with npm start (same data folder).
--unit is an official code; the gateway reads it as the unit holding that code today
(51: the merged Quảng Ngãi; 62: Kon Tum, refused after 30/6/2025 as a dissolved unit).`;

async function main() {
  const { values } = parseArgs({
    options: {
      unit: { type: 'string' },
      roles: { type: 'string', default: 'OFFICER' },
      name: { type: 'string' },
      subject: { type: 'string' },
      expires: { type: 'string', default: '8h' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.unit) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const token = await mintDevToken({
    unit: values.unit,
    roles: values.roles.split(',').map((role) => role.trim().toUpperCase()) as Role[],
    name: values.name,
    subject: values.subject,
    expiresIn: values.expires,
  });
  console.log(token);
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exit(2);
});
