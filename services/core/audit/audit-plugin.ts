import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  Kind,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { SubgraphContext } from '../context';
import { REFUSAL_CODES, responseOf, serviceUnavailable } from '../errors';
import { operationHash } from '../principal';
import { actorOf, type AuditRecord } from './audit-record';
import { logger } from '../observability/logger';
import type { AuditSink } from './audit-sink';

/** Argument names whose values identify what a mutation acts on. */
const TARGET_ARGUMENT = /^(id|ids|code|unitCode|clientKey|clientId|hash|[a-z]+Id|[a-z]+Ids)$/;
const MAX_TARGETS = 50;

interface RootField {
  responseKey: string;
  name: string;
  returnType: string;
  args: Record<string, unknown>;
}

function rootFields(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): RootField[] {
  const root = schema.getMutationType();
  if (!root) return [];
  return operation.selectionSet.selections
    .filter((selection): selection is FieldNode => selection.kind === Kind.FIELD && selection.name.value !== '__typename')
    .flatMap((node) => {
      const field = root.getFields()[node.name.value];
      if (!field) return [];
      let args: Record<string, unknown> = {};
      try {
        args = getArgumentValues(field, node, variables);
      } catch {
        // Arguments that do not coerce fail validation anyway; the attempt is still recorded.
      }
      return [{ responseKey: node.alias?.value ?? node.name.value, name: node.name.value, returnType: getNamedType(field.type).name, args }];
    });
}

/** `argument:value` for the identifying arguments, at any depth of the input. */
function targetsIn(value: unknown, found: string[] = [], key?: string): string[] {
  if (found.length >= MAX_TARGETS || value === null || value === undefined) return found;
  if (Array.isArray(value)) value.forEach((item) => targetsIn(item, found, key));
  else if (typeof value === 'object') for (const [name, inner] of Object.entries(value)) targetsIn(inner, found, name);
  else if (key && TARGET_ARGUMENT.test(key)) found.push(`${key}:${String(value)}`);
  return found;
}

const firstUnitCode = (args: Record<string, unknown>) => targetsIn(args).find((target) => target.startsWith('unitCode:'))?.slice('unitCode:'.length);

const auditUnavailable = (what: string) => serviceUnavailable(`The audit log cannot be written, so ${what}. Try again shortly`);

/**
 * Records every mutation and every read of personal data of a subgraph in the audit log, and
 * fails closed: a mutation runs only after its attempt is in the log (nothing is written
 * unrecorded), and personal data leaves only after its read is in the log. The outcome of a
 * mutation (with the id of what it made) follows when the response is ready.
 */
export function auditPlugin(source: string, sink: AuditSink): ApolloServerPlugin<SubgraphContext> {
  const base = (context: GraphQLRequestContext<SubgraphContext>) => ({
    source,
    actor: actorOf(context.contextValue.principal),
    operationName: context.contextValue.clientOperation?.name ?? context.operationName ?? null,
    operationHash: context.contextValue.clientOperation?.hash ?? (context.source ? operationHash(context.source) : null),
  });

  return {
    async requestDidStart() {
      let mutations: RootField[] = [];
      let targetUnitPaths: (string | null)[] = [];
      return {
        async didResolveOperation(context) {
          if (context.operation?.operation !== 'mutation') return;
          mutations = rootFields(context.schema, context.operation, context.request.variables ?? {});
          targetUnitPaths = await Promise.all(
            mutations.map(async (field) => {
              const code = firstUnitCode(field.args);
              return code ? ((await context.contextValue.institutions.units.find(code).catch(() => null))?.path ?? null) : null;
            }),
          );
          const attempts: AuditRecord[] = mutations.map((field, index) => ({
            ...base(context),
            action: `mutation ${field.name}`,
            outcome: 'ATTEMPTED',
            targets: targetsIn(field.args),
            targetUnitPath: targetUnitPaths[index],
          }));
          try {
            await sink.append(attempts);
          } catch {
            throw auditUnavailable('nothing was changed');
          }
        },

        async willSendResponse(context) {
          if (context.response.body.kind !== 'single') return;
          const result = context.response.body.singleResult;
          const outcomes: AuditRecord[] = mutations.map((field, index) => {
            const value = (result.data as Record<string, { id?: unknown } | null> | null | undefined)?.[field.responseKey];
            const error = result.errors?.find((candidate) => candidate.path?.[0] === field.responseKey) ?? (value ? undefined : result.errors?.[0]);
            const code = error?.extensions?.code as string | undefined;
            const madeId = value && value.id !== undefined ? [`${field.returnType}:${String(value.id)}`] : [];
            return {
              ...base(context),
              action: `mutation ${field.name}`,
              outcome: value ? 'SUCCEEDED' : code && REFUSAL_CODES.has(code) ? 'REFUSED' : 'FAILED',
              errorCode: value ? null : (code ?? 'INTERNAL_SERVER_ERROR'),
              detail: value ? null : (error?.message ?? null),
              targets: [...madeId, ...targetsIn(field.args)],
              targetUnitPath: targetUnitPaths[index],
            };
          });
          const reads: AuditRecord[] = context.contextValue.audit
            .readRecords()
            .map((read) => ({ ...base(context), ...read }));
          try {
            await sink.append([...outcomes, ...reads]);
          } catch (error) {
            if (reads.length === 0) {
              // The change is made and its attempt is logged; the missing outcome is reported, not hidden.
              logger().error({ err: error, mutations: mutations.map((field) => field.name) }, 'the outcome of a mutation could not be written to the audit log');
              return;
            }
            // Personal data is never released unlogged.
            const refusal = responseOf(auditUnavailable('personal data is withheld'));
            context.response.body.singleResult = { errors: [refusal.body] };
            context.response.http.status = refusal.status;
          }
        },
      };
    },
  };
}
