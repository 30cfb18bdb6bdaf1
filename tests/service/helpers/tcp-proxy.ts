/**
 * A small TCP proxy on 127.0.0.1 (port 0) in front of Redis, so a test can cut the service's
 * connection and restore it without touching the shared Redis. `cut()` destroys every open
 * connection and refuses new ones until `restore()`.
 */
import net from 'node:net';

export interface TcpProxy {
  port: number;
  url: string;
  cut(): void;
  restore(): void;
  /** Connections accepted so far. */
  readonly accepted: number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let open = true;
  let accepted = 0;
  const server = net.createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    accepted += 1;
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    cut() {
      open = false;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    restore() {
      open = true;
    },
    get accepted() {
      return accepted;
    },
    close() {
      open = false;
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
