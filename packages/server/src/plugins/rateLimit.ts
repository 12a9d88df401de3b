import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { TooManyRequests } from '../http/problems.js';

/**
 * Request limits, off unless a route sets `config.rateLimit` (sign-in does). The refusal is a 429
 * problem that states the route's window and the wait: "at most 10 per minute; try again in 42
 * seconds" (the plugin's own context has only the time left, which reads as a shorter window).
 */
export async function registerRateLimit(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (request, context) => {
      const route = request.routeOptions.config.rateLimit;
      const window = route ? perWindow(route.timeWindow) : undefined;
      const wait = Math.max(1, Math.ceil(context.ttl / 1000));
      return new TooManyRequests(
        `too many requests: at most ${context.max}${window ? ` per ${window}` : ''}; try again in ${wait} second${wait === 1 ? '' : 's'}`,
        wait,
      );
    },
  });
}

/** A route's window as words: 60000 or '1 minute' -> 'minute', 90000 -> '90 seconds'. */
function perWindow(timeWindow: unknown): string | undefined {
  if (typeof timeWindow === 'string') return timeWindow.trim().replace(/^1 /, '');
  if (typeof timeWindow !== 'number') return undefined;
  const [size, name] =
    timeWindow % 3_600_000 === 0
      ? [timeWindow / 3_600_000, 'hour']
      : timeWindow % 60_000 === 0
        ? [timeWindow / 60_000, 'minute']
        : [Math.ceil(timeWindow / 1000), 'second'];
  return size === 1 ? name : `${size} ${name}s`;
}
