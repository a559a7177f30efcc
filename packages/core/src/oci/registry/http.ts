import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { currentActivity } from '../../util/activity.js';
import { formatMs, ResponseTooLargeError, TransferError } from './errors.js';

/** The action's time budget: when it ends (epoch ms) and how long it was, for messages. */
export interface Deadline {
  at: number;
  ms: number;
}

/**
 * What a request may take. A request that waits longer for a connection, or moves fewer than
 * `stallMinBytesPerSecond` over any `stallWindowMs` (as curl's --speed-limit/--speed-time,
 * counting the wait for the response too), fails; so does anything still running at `deadline`.
 */
export interface TransferLimits {
  connectTimeoutMs?: number;
  stallWindowMs?: number;
  stallMinBytesPerSecond?: number;
  deadline?: Deadline;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
export const DEFAULT_STALL_WINDOW_MS = 30_000;
export const DEFAULT_STALL_MIN_BYTES_PER_SECOND = 1024;
/** The most a response body may hold unless the caller names another limit. */
export const DEFAULT_BODY_LIMIT = 64 * 1024 * 1024;

/** Thin node:http(s) layer: streams both ways and lets us set Content-Length on streamed uploads. */
export interface HttpRequest {
  method: string;
  url: URL;
  headers?: Record<string, string>;
  body?: Buffer | Readable;
  limits?: TransferLimits;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: IncomingMessage;
}

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 16 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 16 }),
};

/** Upload locations and signed storage URLs carry secrets in the query: messages never show it. */
export function redactUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

const socketBytes = (s: Socket): number => s.bytesRead + s.bytesWritten;

/**
 * Sends one request. The limits hold until the response body ends: a stall or the deadline
 * while the caller reads the body destroys it with a TransferError.
 */
export function send(req: HttpRequest): Promise<HttpResponse> {
  const lib = req.url.protocol === 'https:' ? https : http;
  const agent = agents[req.url.protocol as keyof typeof agents];
  const headers: Record<string, string> = { 'user-agent': 'kiln', ...req.headers };
  if (Buffer.isBuffer(req.body)) headers['content-length'] = String(req.body.length);
  const limits = req.limits ?? {};
  const connectMs = limits.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const windowMs = limits.stallWindowMs ?? DEFAULT_STALL_WINDOW_MS;
  const floor = limits.stallMinBytesPerSecond ?? DEFAULT_STALL_MIN_BYTES_PER_SECOND;
  const failure = (kind: 'connect' | 'stall' | 'deadline', detail: string): TransferError =>
    new TransferError(req.method, redactUrl(req.url), kind, detail);
  const deadline = limits.deadline;
  if (deadline && deadline.at <= Date.now()) {
    return Promise.reject(failure('deadline', `the ${formatMs(deadline.ms)} timeout ran out`));
  }

  return new Promise((resolve, reject) => {
    let response: IncomingMessage | undefined;
    let sent = false;
    const timers: NodeJS.Timeout[] = [];
    const stop = (): void => timers.forEach((t) => clearTimeout(t));
    const abort = (err: TransferError): void => {
      stop();
      if (response) response.destroy(err);
      else r.destroy(err);
    };
    const r = lib.request(req.url, { method: req.method, headers, agent }, (res) => {
      response = res;
      res.once('end', stop);
      res.once('close', stop);
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res });
    });
    r.on('error', (err) => {
      stop();
      reject(err);
    });
    r.once('finish', () => (sent = true));

    if (deadline) {
      const t = setTimeout(
        () => abort(failure('deadline', `the ${formatMs(deadline.ms)} timeout ran out`)),
        // setTimeout fires at once past 2^31-1 ms (24.8 days); no request needs longer.
        Math.min(deadline.at - Date.now(), MAX_TIMER_MS),
      );
      timers.push(t.unref());
    }

    let socket: Socket | undefined;
    let base = 0;
    r.once('socket', (s: Socket) => {
      socket = s;
      base = socketBytes(s);
      if (!s.connecting) return;
      const t = setTimeout(
        () => abort(failure('connect', `no connection within ${formatMs(connectMs)}`)),
        connectMs,
      ).unref();
      timers.push(t);
      s.once('connect', () => clearTimeout(t));
    });

    // Throughput over a sliding window, sampled ten times per window. Time the peer cannot be
    // blamed for is skipped: waiting for a pooled socket, connecting (its own timeout), a local
    // upload source that has nothing ready, a consumer that is not reading the body.
    let samples: Array<{ t: number; bytes: number }> = [];
    const excused = (): boolean =>
      !socket ||
      socket.connecting ||
      (!sent && !Buffer.isBuffer(req.body) && req.body !== undefined && r.writableLength === 0) ||
      (response !== undefined && response.readableLength >= response.readableHighWaterMark);
    const tick = setInterval(
      () => {
        const now = Date.now();
        const bytes = socket ? socketBytes(socket) - base : 0;
        if (excused()) {
          samples = [{ t: now, bytes }];
          return;
        }
        samples.push({ t: now, bytes });
        while (samples.length > 1 && (samples[1] as { t: number }).t <= now - windowMs)
          samples.shift();
        const first = samples[0] as { t: number; bytes: number };
        if (now - first.t >= windowMs && bytes - first.bytes < (floor * windowMs) / 1000) {
          abort(
            failure(
              'stall',
              response || !sent
                ? `stalled: less than ${floor} bytes/s for ${formatMs(windowMs)}`
                : `no response for ${formatMs(windowMs)}`,
            ),
          );
        }
      },
      Math.max(10, windowMs / 10),
    ).unref();
    timers.push(tick);

    const body = req.body;
    if (body === undefined) r.end();
    else if (Buffer.isBuffer(body)) r.end(body);
    else {
      body.on('error', (err) => r.destroy(err));
      body.pipe(r);
    }
  });
}

/**
 * Reads a whole body of at most `limit` bytes. `what` names it ("manifest a/b@latest"), so a
 * body cut at the limit says what was being read.
 */
export async function readBody(
  res: HttpResponse,
  limit = DEFAULT_BODY_LIMIT,
  what = 'response body',
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      res.body.destroy();
      throw new ResponseTooLargeError(what, limit, currentActivity());
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Drain and discard, so the keep-alive socket can be reused. */
export async function discard(res: HttpResponse): Promise<void> {
  res.body.resume();
  await new Promise<void>((r) => {
    if (res.body.readableEnded) r();
    else {
      res.body.once('end', () => r());
      res.body.once('error', () => r());
      res.body.once('close', () => r());
    }
  });
}

export function header(res: HttpResponse, name: string): string | undefined {
  const v = res.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
