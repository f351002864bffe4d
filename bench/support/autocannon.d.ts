/**
 * The part of autocannon 9's programmatic API the benchmarks use. The package ships no types and
 * there is no @types package for version 9; these follow its README ("API", "Results").
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export type Options = {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Requests in all; overrides duration. */
    amount?: number;
    headers?: Record<string, string>;
    pipelining?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
  };

  /** An HDR histogram's summary; latency in milliseconds, requests and throughput per second. */
  export type Histogram = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
  };

  export type Result = {
    url: string;
    /** Seconds. */
    duration: number;
    latency: Histogram;
    requests: Histogram & { sent: number };
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
  };

  export type Instance = EventEmitter &
    PromiseLike<Result> & {
      stop(): void;
      /** Every completed response: its status, bytes on the wire (headers and body) and time in ms. */
      on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): Instance;
      on(event: 'reqError', listener: (error: Error) => void): Instance;
    };

  function autocannon(options: Options): Instance;
  export default autocannon;
}
