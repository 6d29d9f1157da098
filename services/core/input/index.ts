/** The rules argument values meet (clean text, days, periods, number ranges), in the gateway and the subgraphs. */
export { DEFAULT_MAX_TEXT, TEXT_LIMITS, VERBATIM_ARGUMENTS, maxTextLength, normalizedText, textProblem } from './clean-text';
export { DEFAULT_MAX_NUMBER, NUMBER_RANGES, TIME_TEXT, fieldsProblem, numberRange, valueProblem, type ValueProblem } from './value-rules';
export { operationArgumentsError } from './operation-arguments';
export { inputRulesPlugin } from './input-plugin';
export { normalizeArguments } from './normalize-arguments';
export { LocalDate } from './local-date';
export { DateTime } from './date-time';
