import { dropTemplates } from './templates';

export default async function globalTeardown() {
  await dropTemplates();
}
