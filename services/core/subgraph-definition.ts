import type express from 'express';
import type { GraphQLSchema } from 'graphql';
import { HttpAuditSink, type AuditSink } from './audit/audit-sink';
import type { DataSource } from 'typeorm';
import { env, envBool, envInt } from './config';
import { openDatabase } from './database';
import type { DriverMigrations } from './migrations/driver-migrations';
import { PendingMigrationsError } from './migrations/run-migrations';
import { checkSecretsAtStart, SecretError, type SecretUse } from './secrets';
import { startSubgraph, type RunningServer } from './subgraph-server';
import { InstitutionsClient } from './institutions/institutions-client';
import { processReady } from './probes';
import { startRelay } from './events/relay';
import { closeOnSignals } from './shutdown';
import type { UnitDirectory } from './institutions/unit-directory';
import { configureLogging, logger } from './observability/logger';
import { startTracing, stopTracing } from './observability/tracing';
import { collectProcessMetrics } from './observability/metrics';

/** Everything the hub needs to know to run one subgraph. */
export interface SubgraphDefinition {
  name: string;
  defaultPort: number;
  entities: Function[];
  /** Its migrations per database kind, `services/<subgraph>/migrations/` (README, "Migrations"). */
  migrations: DriverMigrations;
  buildSchema(): Promise<GraphQLSchema>;
  /** Loads the demo data into an empty database; returns whether it loaded anything. */
  seedDemo(dataSource: DataSource): Promise<boolean>;
  /** Where its audit records go; default the institutions subgraph's log, over HTTP. */
  auditSink?(dataSource: DataSource): AuditSink;
  /** Endpoints for other hub processes, served under /internal. */
  internalRoutes?(dataSource: DataSource, units: UnitDirectory): express.Router;
  /** Secrets it uses besides the internal secret every subgraph uses (services/core/secrets.ts). */
  secrets?: SecretUse[];
  /**
   * Runs at every start, before seeding and serving: brings stored data to this version's form
   * and checks it can be read (documents: seals private keys stored in plaintext, opens the CA's).
   */
  prepare?(dataSource: DataSource): Promise<void>;
  /** Throws when the subgraph cannot do its work; `/health` then answers 503 with the message. */
  ready?(dataSource: DataSource): Promise<void>;
  /**
   * Work of its own beside the requests (institutions: the webhook dispatcher and the events
   * consumer), started once the server listens and stopped before it closes.
   */
  background?(dataSource: DataSource): BackgroundWork;
  /** It writes events to its outbox (`core/events/`): its process runs the relay that publishes them. */
  emitsEvents?: boolean;
}

/** Loops a subgraph runs beside its requests; `stop` lets what is in flight end. */
export interface BackgroundWork {
  stop(): Promise<void>;
}

export interface StartOptions {
  databaseUrl?: string;
  port?: number;
  host?: string;
  seedDemo?: boolean;
  /** Where the institutions subgraph answers (for unit lookups); default INSTITUTIONS_URL or port 4001. */
  institutionsUrl?: string;
}

export const DEFAULT_INSTITUTIONS_URL = 'http://127.0.0.1:4001/graphql';

export interface RunningSubgraph extends RunningServer {
  dataSource: DataSource;
}

/** The secrets a subgraph uses. */
export const secretsOf = (definition: SubgraphDefinition): SecretUse[] => ['internal', ...(definition.secrets ?? [])];

/**
 * Starts a subgraph: its secrets are checked first (in production a missing, short or
 * development one stops it here, with a SecretError), then its database is opened, prepared and
 * seeded.
 */
export async function startSubgraphFrom(definition: SubgraphDefinition, options: StartOptions = {}): Promise<RunningSubgraph> {
  checkSecretsAtStart(secretsOf(definition));
  const dataSource = await openDatabase({ name: definition.name, url: options.databaseUrl, entities: definition.entities, migrations: definition.migrations });
  try {
    await definition.prepare?.(dataSource);
    if (options.seedDemo ?? true) await definition.seedDemo(dataSource);
    const institutionsUrl = () => options.institutionsUrl ?? DEFAULT_INSTITUTIONS_URL;
    const institutions = new InstitutionsClient(definition.name, institutionsUrl);
    const server = await startSubgraph({
      name: definition.name,
      schema: await definition.buildSchema(),
      dataSource,
      institutions,
      port: options.port ?? definition.defaultPort,
      host: options.host,
      audit: definition.auditSink?.(dataSource) ?? new HttpAuditSink(institutionsUrl, definition.name),
      internalRoutes: definition.internalRoutes?.(dataSource, institutions.units),
      ready: async () => {
        checkSecretsAtStart(secretsOf(definition));
        await definition.ready?.(dataSource);
      },
      // Every other subgraph looks units up in institutions and appends its audit records there.
      dependencies: definition.name === 'institutions' ? [] : [processReady('institutions', institutionsUrl)],
    });
    const background = definition.background?.(dataSource);
    // Publishes what the outbox holds, from before this start too (README, "Events").
    const relay = definition.emitsEvents ? startRelay(definition.name, dataSource, institutionsUrl) : undefined;
    let closing: Promise<void> | undefined;
    return {
      ...server,
      dataSource,
      // The requests in flight finish first (HUB_SHUTDOWN_GRACE_MS), then the relay's round, then the pool closes; once, however often asked.
      close: () =>
        (closing ??= (async () => {
          await background?.stop();
          await server.close();
          await relay?.stop();
          if (dataSource.isInitialized) await dataSource.destroy();
        })()),
    };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

/** Process entry of a subgraph: configuration comes from the environment only. */
export async function runSubgraph(definition: SubgraphDefinition) {
  // JSON log lines and traces name this process (HUB_LOG_LEVEL, OTEL_EXPORTER_OTLP_ENDPOINT).
  configureLogging({ service: definition.name });
  startTracing({ serviceName: `hub-${definition.name}` });
  collectProcessMetrics();
  let running: RunningSubgraph;
  try {
    running = await startSubgraphFrom(definition, {
      databaseUrl: env('DATABASE_URL'),
      port: envInt('PORT', definition.defaultPort),
      host: env('HOST') ?? '127.0.0.1',
      seedDemo: envBool('HUB_SEED_DEMO', true),
      institutionsUrl: env('INSTITUTIONS_URL'),
    });
  } catch (error) {
    // A bad secret or a database behind this version is a configuration error: its message says all.
    if (!(error instanceof SecretError) && !(error instanceof PendingMigrationsError)) throw error;
    logger().fatal(error.message);
    process.exit(1);
  }
  logger().info({ url: `${running.url}/graphql` }, `${definition.name} subgraph ready`);
  closeOnSignals(`${definition.name} subgraph`, () => running.close().then(stopTracing));
}
