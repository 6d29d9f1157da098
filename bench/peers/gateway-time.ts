/**
 * Where the hub gateway's time goes, from its `/metrics` read before and after a run: its time
 * per request, its subgraph calls, and each plugin's and Express step's time per request
 * (`hub_gateway_plugin_duration_seconds`, gateway/plugins/plugin-timing.ts).
 */
export type MetricsSnapshot = Map<string, number>;

const KEPT = /^(hub_gateway_plugin_duration_seconds|hub_graphql_request_duration_seconds|hub_subgraph_call_duration_seconds)_(sum|count)\{([^}]*)\} (\S+)$/;

export async function readMetrics(gatewayBaseUrl: string): Promise<MetricsSnapshot> {
  const text = await (await fetch(`${gatewayBaseUrl}/metrics`)).text();
  const snapshot: MetricsSnapshot = new Map();
  for (const line of text.split('\n')) {
    const match = KEPT.exec(line);
    if (match) snapshot.set(`${match[1]}_${match[2]}{${match[3]}}`, Number(match[4]));
  }
  return snapshot;
}

export interface PluginTime {
  plugin: string;
  stage: string;
  /** Microseconds per request that went through it. */
  microsPerRequest: number;
  requests: number;
}

export interface GatewayTime {
  /** Operations the gateway answered over the runs. */
  requests: number;
  /** Microseconds from Apollo's start of the operation to its answer, per request. */
  gatewayMicrosPerRequest: number;
  subgraphCallsPerRequest: number;
  /** Microseconds waiting on subgraph calls per request (calls in parallel each count). */
  subgraphMicrosPerRequest: number;
  plugins: PluginTime[];
}

/** Differences `after - before`, added into `into` (one mix's runs over several rounds). */
export function addDelta(into: MetricsSnapshot, before: MetricsSnapshot, after: MetricsSnapshot) {
  for (const [key, value] of after) into.set(key, (into.get(key) ?? 0) + value - (before.get(key) ?? 0));
}

const labelsOf = (key: string) => Object.fromEntries([...key.matchAll(/(\w+)="([^"]*)"/g)].map(([, name, value]) => [name, value]));

function total(delta: MetricsSnapshot, metric: string, filter: (labels: Record<string, string>) => boolean = () => true) {
  let sum = 0;
  for (const [key, value] of delta) if (key.startsWith(`${metric}{`) && filter(labelsOf(key))) sum += value;
  return sum;
}

export function gatewayTimeOf(delta: MetricsSnapshot): GatewayTime {
  const gateway = (labels: Record<string, string>) => labels.service === 'gateway';
  const requests = total(delta, 'hub_graphql_request_duration_seconds_count', gateway);
  const per = (value: number, count: number) => (count > 0 ? value / count : 0);
  const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
  const plugins: PluginTime[] = [];
  for (const [key, count] of delta) {
    if (!key.startsWith('hub_gateway_plugin_duration_seconds_count{') || count <= 0) continue;
    const labels = labelsOf(key);
    const seconds = delta.get(key.replace('_count{', '_sum{')) ?? 0;
    plugins.push({ plugin: labels.plugin, stage: labels.stage, microsPerRequest: round(per(seconds, count) * 1e6), requests: count });
  }
  plugins.sort((a, b) => b.microsPerRequest - a.microsPerRequest);
  return {
    requests,
    gatewayMicrosPerRequest: round(per(total(delta, 'hub_graphql_request_duration_seconds_sum', gateway), requests) * 1e6, 0),
    subgraphCallsPerRequest: round(per(total(delta, 'hub_subgraph_call_duration_seconds_count'), requests), 2),
    subgraphMicrosPerRequest: round(per(total(delta, 'hub_subgraph_call_duration_seconds_sum'), requests) * 1e6, 0),
    plugins,
  };
}
