import type { Server } from "node:http";
import type { Socket } from "node:net";

/**
 * Keeps the server's connections for clients that speak. Node closes a connection whose request
 * comes too slowly (headersTimeout) but never one that sends nothing at all: a few hundred such
 * sockets held the connection cap, and then /healthz and the platforms' updates were refused.
 * Here a connection that has not sent a whole request within `silentMs` is closed, and at the cap
 * a newcomer takes the place of the longest-silent connection, so while silent sockets are what
 * fills the server, a real request always gets in.
 */
export function guardConnections(server: Server, limits: { maxConnections: number; silentMs: number }): void {
  // Silent connections, oldest first (a Set keeps insertion order).
  const silent = new Set<Socket>();
  let open = 0;
  server.on("connection", (socket: Socket) => {
    open++;
    const timer = setTimeout(() => silent.has(socket) && socket.destroy(), limits.silentMs);
    timer.unref();
    socket.once("close", () => {
      open--;
      silent.delete(socket);
      clearTimeout(timer);
    });
    if (open > limits.maxConnections) {
      const oldest = silent.values().next().value;
      if (!oldest) return socket.destroy();
      oldest.destroy();
    }
    silent.add(socket);
  });
  // A request has arrived whole: the connection has spoken, keep-alive timing takes over.
  server.on("request", (req) => silent.delete(req.socket));
}
