import {
  Agent,
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { Transform, pipeline } from 'node:stream';

/*
 * A fault-injection proxy between a client and a real registry on loopback. It answers on this
 * process's event loop: drive clients (skopeo) with async child processes, never execFileSync.
 */

/**
 * A fault to inject. Faults are tried in the order added; the first one whose `match` (tested
 * against the request path with its query) and `method` fit, and whose `times` is not used up,
 * applies and counts down by one.
 *
 * Body faults (`reset`, `truncate`, `flip`) given no `method` skip HEAD requests: a HEAD has no
 * body to break, and a client's HEAD before its GET would otherwise use the fault up unseen.
 */
export type Fault =
  /** Answer with `status` without asking the registry (a burst of 500/503, a 429 with Retry-After). */
  | {
      kind: 'status';
      status: number;
      times: number;
      retryAfter?: string;
      match?: RegExp;
      method?: string;
    }
  /** Send the registry's headers and `afterBytes` (default 0) of its body, then a TCP reset. */
  | { kind: 'reset'; times: number; match?: RegExp; method?: string; afterBytes?: number }
  /** Send the headers with the full Content-Length but only `bytes` of the body, then close. */
  | { kind: 'truncate'; times: number; match?: RegExp; method?: string; bytes: number }
  /** XOR one body byte with 0xff at `offset` (default: the middle), keeping the length. */
  | { kind: 'flip'; times: number; match?: RegExp; method?: string; offset?: number };

export interface ProxyStats {
  /** every request, with the status the client was given */
  requests: Array<{ method: string; path: string; status: number }>;
  /** body bytes sent to the client for GET /v2/<name>/blobs/<digest> */
  blobBytesDown: number;
  /** request body bytes passed on to the registry for uploads (/v2/<name>/blobs/uploads/…) */
  blobBytesUp: number;
}

export interface FaultProxy {
  /** 127.0.0.1:port */
  host: string;
  addFault(f: Fault): void;
  clearFaults(): void;
  /** a copy, so a test can compare before and after */
  stats(): ProxyStats;
  resetStats(): void;
  stop(): Promise<void>;
}

// Headers about one connection, not the message: never forwarded either way.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

const BLOB_GET = /^\/v2\/.+\/blobs\/(?!uploads\/)[^/?]+(\?|$)/;
const BLOB_UPLOAD = /^\/v2\/.+\/blobs\/uploads\//;

function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
  }
  return out;
}

function applies(f: Fault, method: string, path: string): boolean {
  if (f.times <= 0) return false;
  if (f.method ? f.method.toUpperCase() !== method : f.kind !== 'status' && method === 'HEAD')
    return false;
  if (!f.match) return true;
  f.match.lastIndex = 0; // a /g or /y regex keeps state between tests
  return f.match.test(path);
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const [targetHost = '127.0.0.1', targetPort = '80'] = target.split(':');
  const agent = new Agent({ keepAlive: true });
  let faults: Fault[] = [];
  let stats: ProxyStats = { requests: [], blobBytesDown: 0, blobBytesUp: 0 };
  let self = '';

  // The registry builds upload Locations from the Host it was sent (the target's): point them
  // back at the proxy, so every later PATCH/PUT of the upload passes through it too.
  const rewriteLocation = (location: string): string => {
    try {
      const url = new URL(location);
      if (url.host !== target) return location;
      url.protocol = 'http:';
      url.host = self;
      return url.toString();
    } catch {
      return location; // relative: already resolves against the proxy
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = req.url ?? '/';
    const fault = faults.find((f) => applies(f, method, path));
    if (fault) fault.times -= 1;
    const record = (status: number): void => {
      stats.requests.push({ method, path, status });
    };

    if (fault?.kind === 'status') {
      // Read the request body away first, so the connection stays usable for the next request.
      req.resume();
      req.on('end', () => {
        const body = JSON.stringify({
          errors: [{ code: 'UNAVAILABLE', message: `injected fault: ${fault.status}` }],
        });
        const headers: OutgoingHttpHeaders = {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        };
        if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
        record(fault.status);
        res.writeHead(fault.status, headers);
        res.end(body);
      });
      return;
    }

    const upReq = request({
      host: targetHost,
      port: Number(targetPort),
      method,
      path,
      headers: { ...endToEnd(req.headers), host: target },
      agent,
    });
    const counting = BLOB_UPLOAD.test(path);
    const upCounter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        if (counting) stats.blobBytesUp += chunk.length;
        done(null, chunk);
      },
    });
    pipeline(req, upCounter, upReq, (err) => {
      if (err) upReq.destroy();
    });
    // The client went away early: stop asking the registry.
    res.on('close', () => {
      if (!res.writableFinished) upReq.destroy();
    });

    upReq.on('error', (err) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      record(502);
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`fault proxy: ${err.message}\n`);
    });

    upReq.on('response', (up) => {
      up.on('error', () => res.destroy());
      const status = up.statusCode ?? 502;
      const headers = endToEnd(up.headers);
      if (typeof up.headers.location === 'string')
        headers.location = rewriteLocation(up.headers.location);
      // A truncated body must end the connection, or the client would read the next
      // response on it as the rest of this body.
      if (fault?.kind === 'truncate') headers.connection = 'close';
      record(status);
      res.writeHead(status, headers);

      const countDown = method === 'GET' && BLOB_GET.test(path);
      const limit =
        fault?.kind === 'truncate'
          ? fault.bytes
          : fault?.kind === 'reset'
            ? (fault.afterBytes ?? 0)
            : Infinity;
      const length = Number(up.headers['content-length'] ?? 0);
      const flipAt = fault?.kind === 'flip' ? (fault.offset ?? Math.floor(length / 2)) : -1;
      let pos = 0;
      let cutDone = false;

      // Called once the last allowed byte is handed to the socket (write callbacks fire after
      // the socket write, so the bytes really leave before the connection breaks).
      const cut = (): void => {
        if (cutDone) return;
        cutDone = true;
        up.destroy();
        const socket = res.socket;
        if (!socket) return;
        if (fault?.kind === 'reset') socket.resetAndDestroy();
        else socket.end();
      };

      if (limit === 0) {
        res.write(Buffer.alloc(0), cut);
        return;
      }
      up.on('data', (chunk: Buffer) => {
        let out = chunk;
        if (flipAt >= pos && flipAt < pos + out.length)
          out.writeUInt8(out.readUInt8(flipAt - pos) ^ 0xff, flipAt - pos);
        const last = pos + out.length >= limit;
        if (last) out = out.subarray(0, limit - pos);
        pos += out.length;
        if (countDown) stats.blobBytesDown += out.length;
        if (last) {
          up.pause();
          res.write(out, cut);
        } else if (!res.write(out)) {
          // Back-pressure: never hold more than the socket's buffer of a blob in memory.
          up.pause();
          res.once('drain', () => up.resume());
        }
      });
      up.on('end', () => {
        if (!Number.isFinite(limit)) res.end();
        else if (pos < limit) res.write(Buffer.alloc(0), cut); // body shorter than the limit
      });
    });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  self = `127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    host: self,
    addFault: (f) => {
      faults.push({ ...f });
    },
    clearFaults: () => {
      faults = [];
    },
    stats: () => ({ ...stats, requests: [...stats.requests] }),
    resetStats: () => {
      stats = { requests: [], blobBytesDown: 0, blobBytesUp: 0 };
    },
    stop: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
