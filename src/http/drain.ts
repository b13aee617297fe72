import type { Server, ServerResponse } from 'node:http';
import net, { type Socket } from 'node:net';
import type { Logger } from '../observability/logger';

/** How long a keep-alive socket that is idle when the drain starts may still bring a request. */
export const IDLE_GRACE_MS = 500;

/** Graceful shutdown of an HTTP server: see {@link drainable}. */
export interface HttpDrain {
  /**
   * Stops accepting connections and resolves once every connection has closed: true when every request got
   * its answer, false when some were still running after `graceMs` and were cut.
   */
  drain(graceMs: number): Promise<boolean>;
}

/**
 * Tracks the requests of each connection of `server` so that a shutdown answers every request it has
 * accepted:
 * - once the drain starts, every response not yet sent says `Connection: close` (the one in flight, and any
 *   request still arriving on an open keep-alive connection), so no client sends another request on a
 *   connection that is about to close;
 * - idle connections are closed once no request has started or ended for {@link IDLE_GRACE_MS}: Node's
 *   `server.close()` closes idle connections at once, including one whose next request is already in the
 *   socket buffer, unread (that request then got no answer at all), and a client answered during the drain
 *   may send its next request on another of its open connections;
 * - after `graceMs`, whatever still runs is cut (and logged with the count).
 */
export function drainable(server: Server, logger: Logger): HttpDrain {
  const inFlight = new Map<Socket, number>();
  const unsent = new Set<ServerResponse>();
  let draining = false;

  const closeAfter = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('connection', 'close');
  };
  // Idle connections are closed once the server has been quiet (no request starting or ending) for a while.
  let sweep: NodeJS.Timeout | null = null;
  const closeIdle = () => {
    for (const [socket, requests] of inFlight) {
      if (requests !== 0) continue;
      socket.end();
      // A client that does not close its side in turn is not waited for.
      setTimeout(() => socket.destroy(), IDLE_GRACE_MS).unref();
    }
  };
  const quietThenCloseIdle = () => {
    if (sweep) clearTimeout(sweep);
    sweep = setTimeout(closeIdle, IDLE_GRACE_MS);
    sweep.unref();
  };

  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });
  // Before the application's listener, so that the header is set before anything can be sent.
  server.prependListener('request', (req, res: ServerResponse) => {
    const socket = req.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    unsent.add(res);
    if (draining) {
      closeAfter(res);
      quietThenCloseIdle();
    }
    res.once('close', () => {
      unsent.delete(res);
      const requests = inFlight.get(socket);
      if (requests !== undefined) inFlight.set(socket, requests - 1);
      // A client answered during the drain may send its next request on another open connection of its own.
      if (draining) quietThenCloseIdle();
    });
  });

  return {
    drain(graceMs) {
      draining = true;
      for (const res of unsent) closeAfter(res);
      return new Promise<boolean>((resolve) => {
        let graceful = true;
        const cut = setTimeout(() => {
          graceful = false;
          const requests = [...inFlight.values()].reduce((a, b) => a + b, 0);
          logger.warn(
            { requests, graceMs },
            'shutdown grace period over: cutting the requests still running',
          );
          for (const socket of inFlight.keys()) socket.destroy();
        }, graceMs);
        cut.unref();
        // net's close, not http's: http.Server#close also closes every idle connection at once (see above).
        net.Server.prototype.close.call(server, () => {
          clearTimeout(cut);
          resolve(graceful);
        });
        quietThenCloseIdle();
      });
    },
  };
}
