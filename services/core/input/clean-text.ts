import { LONE_SURROGATE as SURROGATE_PATTERN } from '../text';
/**
 * Clean text: the one rule every string argument of the graph meets (String and ID, at any
 * depth of an input), at the gateway before planning and again in each subgraph, before
 * anything is stored, hashed or searched (`docs/architecture.md`, where each concern lives).
 *
 * Refused, with BAD_USER_INPUT naming the argument:
 * - control characters: C0 (U+0000 to U+001F) but tab, line feed and carriage return, DEL
 *   (U+007F) and C1 (U+0080 to U+009F);
 * - lone surrogates (JSON "\ud800" without its pair): not Unicode text, and not storable as UTF-8;
 * - U+FFFD, the replacement character, which is what invalid UTF-8 becomes when the request
 *   body is decoded, and the 66 noncharacters (U+FDD0 to U+FDEF, U+FFFE and U+FFFF of every plane);
 * - text longer than its argument's limit (`maxTextLength`), counted in code points after NFC.
 *
 * Accepted text is used in Unicode normalization form C (NFC, UAX #15): what a macOS keyboard
 * sends decomposed ("ộ" as o + U+0323 + U+0302) is stored and compared composed, except in
 * the verbatim arguments, whose exact characters are hashed or signed by the client.
 */

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// The pattern of core/text.ts without its global flag: `test` must not keep a position between calls.
const LONE_SURROGATE = new RegExp(SURROGATE_PATTERN.source);
/** U+FFFD, and the 66 noncharacters (U+FDD0 to U+FDEF, and the last two code points of each plane). */
const NOT_TEXT = new RegExp(
  `[\\uFFFD\\uFDD0-\\uFDEF${Array.from({ length: 17 }, (_, plane) => `\\u{${(plane * 0x10000 + 0xfffe).toString(16)}}\\u{${(plane * 0x10000 + 0xffff).toString(16)}}`).join('')}]`,
  'u',
);

/** Characters of any string argument without a limit of its own. */
export const DEFAULT_MAX_TEXT = 1_000;

/**
 * Limits above the default, by the name of the argument or input field. Each is a ceiling: a
 * subgraph may refuse shorter text for its own reasons (a procedure's name, 300).
 */
export const TEXT_LIMITS: Readonly<Record<string, number>> = {
  // A document's body (registerDocument) and an operation to safelist; the gateway takes request
  // bodies up to 100,000 bytes (HUB_MAX_BODY_BYTES).
  content: 50_000,
  document: 50_000,
  // PEM text of a key or a CMS signature.
  publicKeyPem: 10_000,
  signaturePem: 20_000,
  // Free text of inspections and transfers.
  conclusion: 20_000,
  description: 10_000,
  evidence: 10_000,
  reason: 2_000,
  note: 2_000,
};

/**
 * Arguments kept exactly as sent (still checked): the client hashes or signs these characters,
 * so normalizing them would break its hash (a safelisted operation) or its signature (content).
 */
export const VERBATIM_ARGUMENTS: ReadonlySet<string> = new Set(['content', 'document', 'publicKeyPem', 'signaturePem']);

/** The character limit of an argument or input field, by its name. */
export const maxTextLength = (name: string): number => (Object.hasOwn(TEXT_LIMITS, name) ? TEXT_LIMITS[name] : DEFAULT_MAX_TEXT);

/** What is wrong with a text as an argument's value, or null when it is clean text. */
export function textProblem(text: string, name: string): string | null {
  if (LONE_SURROGATE.test(text)) return 'contains a lone surrogate (malformed Unicode)';
  if (CONTROL.test(text)) return 'contains a control character (only tab, line feed and carriage return are allowed)';
  if (NOT_TEXT.test(text)) return 'contains U+FFFD or a noncharacter (text that was not valid UTF-8)';
  const max = maxTextLength(name);
  // Code points of the NFC form; a cheap bound first, so a huge text is not normalized to be measured.
  if (text.length > max && [...normalizedText(text, name)].length > max) return `is longer than ${max} characters`;
  return null;
}

/** The form text is used in: NFC, unless the argument is verbatim. */
export const normalizedText = (text: string, name: string): string => (VERBATIM_ARGUMENTS.has(name) ? text : text.normalize('NFC'));
