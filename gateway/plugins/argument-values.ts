import type { ApolloServerPlugin } from '@apollo/server';
import { inputRulesPlugin } from '../../services/core/input';

/**
 * Argument values, checked on the composed schema before planning with the subgraphs' own
 * rules (`services/core/input/`): an impossible day, a reversed period, text that is not clean
 * text, a number out of range, literal or variable, at any depth of an input, is BAD_USER_INPUT
 * with HTTP 400, the argument named and the field's path, and nothing reaches a subgraph.
 * Without it a subgraph refusing a variable at coercion answered HTTP 400, which Apollo
 * Gateway's data source turned into INTERNAL_SERVER_ERROR "400: Bad Request".
 */
export const argumentValuesPlugin = (): ApolloServerPlugin => inputRulesPlugin();
