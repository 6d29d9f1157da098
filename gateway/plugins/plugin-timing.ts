import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { gatewayPluginDuration } from '../../services/core/observability/metrics';

/**
 * Where the gateway's time goes (issue 14, item 7): each plugin's and each Express step's time
 * per request, in `hub_gateway_plugin_duration_seconds{plugin, stage}` (README, "Observability").
 *
 * An Apollo plugin's time (`stage` `apollo`) is the sum, over one request, of its hooks' own
 * time: from the call to the return, which for an async hook is its work up to its first
 * `await` (the whole of the hub's hooks but a refusal's audit). Not the time to the promise's
 * settling: Apollo calls every plugin's hook before awaiting any, so that would charge each
 * plugin with the others' work. The callbacks a hook gives back (`parsingDidStart`'s end,
 * `executionDidStart`'s listener) count too. It is observed once per request, after the
 * plugin's `willSendResponse`. Plugins with no per-request hooks (the landing page, the drain)
 * are passed through untouched.
 *
 * An Express step's time (`stage` `express`) is elapsed time, from entering it to its `next()`:
 * reading the body, a unit lookup and the queue for the event loop included.
 *
 * One request in `every` is timed (`HUB_PLUGIN_TIMING_EVERY`, default 10; 1 times them all),
 * each plugin and step counting its own calls: the histogram's sum / count is still the time a
 * request, while the others run the plugins unwrapped. Timing every request cost the gateway
 * about 7% of its CPU a request (bench `verify-document`, CPU ms a request with and without).
 */
type Hook = (...args: any[]) => unknown;

/** Picks one call in `every` for timing: `take()` is true for the 1st, the (every+1)th… */
export class TimingSample {
  private calls = 0;
  constructor(readonly every: number) {
    if (!Number.isInteger(every) || every < 1) throw new Error(`HUB_PLUGIN_TIMING_EVERY must be a whole number of 1 or more, got ${every}`);
  }
  /** A sampler of its own (each plugin and step counts its own calls), timing as often. */
  fresh = () => new TimingSample(this.every);
  take(): boolean {
    const taken = this.calls === 0;
    this.calls = (this.calls + 1) % this.every;
    return taken;
  }
}

/** Seconds spent in one plugin during one request. */
interface Spent {
  seconds: number;
}

/** What a hook answers with, besides nothing: an end callback, or (executionDidStart) a listener. */
const GIVES_BACK: Record<string, 'callback' | 'listener'> = {
  parsingDidStart: 'callback',
  validationDidStart: 'callback',
  executionDidStart: 'listener',
  willResolveField: 'callback',
};

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as Promise<unknown> | undefined)?.then === 'function';

/** `hook`'s own time added to `spent`; what it gives back (per `givesBack`) is timed the same way. */
function timedHook(hook: Hook, self: unknown, spent: Spent, givesBack?: 'callback' | 'listener'): Hook {
  const wrap = (value: unknown) =>
    givesBack === 'callback' && typeof value === 'function'
      ? timedHook(value as Hook, undefined, spent)
      : givesBack === 'listener' && value && typeof value === 'object'
        ? timedListener(value as Record<string, unknown>, spent)
        : value;
  return (...args) => {
    const started = performance.now();
    let result: unknown;
    try {
      result = hook.apply(self, args);
    } finally {
      spent.seconds += (performance.now() - started) / 1000;
    }
    if (!givesBack) return result;
    return isPromise(result) ? result.then(wrap) : wrap(result);
  };
}

/** A listener (a request's, or `executionDidStart`'s) whose hooks add to `spent`. */
function timedListener<T extends Record<string, unknown>>(listener: T, spent: Spent): T {
  const timed: Record<string, unknown> = {};
  for (const [name, hook] of Object.entries(listener)) {
    timed[name] = typeof hook === 'function' ? timedHook(hook as Hook, listener, spent, GIVES_BACK[name]) : hook;
  }
  return timed as T;
}

/** One named plugin, timed. Its other members (server hooks, Apollo's internal ids) stay as they are. */
export function timedPlugin<TContext extends BaseContext>(name: string, plugin: ApolloServerPlugin<TContext>, sample: TimingSample): ApolloServerPlugin<TContext> {
  const requestDidStart = plugin.requestDidStart;
  if (!requestDidStart) return plugin;
  // The prototype keeps every other member, own or inherited, as Apollo reads it.
  const timed: ApolloServerPlugin<TContext> = Object.create(plugin);
  timed.requestDidStart = async (requestContext) => {
    if (!sample.take()) return requestDidStart.call(plugin, requestContext);
    const spent: Spent = { seconds: 0 };
    const listener = await (timedHook(requestDidStart, plugin, spent) as typeof requestDidStart)(requestContext);
    const hooks = listener ? timedListener(listener as Record<string, unknown>, spent) : {};
    const willSendResponse = (hooks as GraphQLRequestListener<TContext>).willSendResponse;
    return {
      ...hooks,
      async willSendResponse(context) {
        try {
          await willSendResponse?.(context);
        } finally {
          gatewayPluginDuration.observe({ plugin: name, stage: 'apollo' }, spent.seconds);
        }
      },
    };
  };
  return timed;
}

/** Named plugins, each timed (the order is kept). */
export const timedPlugins = <TContext extends BaseContext>(plugins: [string, ApolloServerPlugin<TContext>][], sample: TimingSample): ApolloServerPlugin<TContext>[] =>
  plugins.map(([name, plugin]) => timedPlugin(name, plugin, sample.fresh()));

/**
 * Express handlers timed as one step, from entering the first to leaving the last with `next()`.
 * A request the step answers itself (a refusal) or hands to an error handler is not counted.
 */
export function timedStep(name: string, handlers: (RequestHandler | ErrorRequestHandler)[], sample: TimingSample): (RequestHandler | ErrorRequestHandler)[] {
  const key = `timing:${name}`;
  const enter: RequestHandler = (_request, response, next) => {
    if (sample.take()) response.locals[key] = performance.now();
    next();
  };
  const leave: RequestHandler = (_request, response, next) => {
    const started = response.locals[key] as number | undefined;
    if (started !== undefined) gatewayPluginDuration.observe({ plugin: name, stage: 'express' }, (performance.now() - started) / 1000);
    next();
  };
  return [enter, ...handlers, leave];
}

/** An async step called by the gateway's own code (the safelist, the rate limit), timed per call. */
export function timedCall<A extends unknown[], R>(name: string, call: (...args: A) => Promise<R>, sample: TimingSample): (...args: A) => Promise<R> {
  return async (...args) => {
    if (!sample.take()) return call(...args);
    const started = performance.now();
    try {
      return await call(...args);
    } finally {
      gatewayPluginDuration.observe({ plugin: name, stage: 'express' }, (performance.now() - started) / 1000);
    }
  };
}

/** A synchronous step called by the gateway's own code (the public-answer memo), timed per call. */
export function timedSync<A extends unknown[], R>(name: string, call: (...args: A) => R, sample: TimingSample): (...args: A) => R {
  return (...args) => {
    if (!sample.take()) return call(...args);
    const started = performance.now();
    try {
      return call(...args);
    } finally {
      gatewayPluginDuration.observe({ plugin: name, stage: 'express' }, (performance.now() - started) / 1000);
    }
  };
}
