import type { MiddlewareFn } from 'type-graphql';
import { normalizedText } from './clean-text';

/** Every string of a value, in place, in the form text is used in (NFC but verbatim arguments; `clean-text.ts`). */
function normalizeIn(value: unknown, name: string): unknown {
  if (typeof value === 'string') return normalizedText(value, name);
  if (Array.isArray(value)) {
    value.forEach((item, index) => (value[index] = normalizeIn(item, name)));
  } else if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) object[key] = normalizeIn(object[key], key);
  }
  return value;
}

/**
 * type-graphql middleware of every subgraph field: the string arguments a resolver gets are
 * NFC, so a name stored, hashed or compared is the same whatever keyboard typed it. The
 * arguments were checked before execution (`input-plugin.ts`).
 */
export const normalizeArguments: MiddlewareFn = ({ args }, next) => {
  if (args && Object.keys(args).length > 0) normalizeIn(args, '');
  return next();
};
