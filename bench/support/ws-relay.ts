/**
 * The co-editing bench's floor: a bare WebSocket relay on the same machine, in a process of its
 * own like the co-editing server, that sends each frame a client sends to every other client in
 * its room (the URL's path) and does nothing else: no checks, no storage, no Yjs. The same traffic
 * through it shows what the sockets, the loopback and the clients' process cost alone. Prints
 * "ready <port>" once listening on 127.0.0.1.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

const rooms = new Map<string, Set<WebSocket>>();
const sockets = new WebSocketServer({ noServer: true });
const server = http.createServer((_request, response) => response.writeHead(404).end());

server.on('upgrade', (request, socket, head) => {
  const room = request.url ?? '/';
  sockets.handleUpgrade(request, socket, head, (webSocket) => {
    const members = rooms.get(room) ?? new Set<WebSocket>();
    rooms.set(room, members.add(webSocket));
    webSocket.on('message', (data: Buffer) => {
      for (const other of members) if (other !== webSocket) other.send(data);
    });
    webSocket.on('close', () => members.delete(webSocket));
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`ready ${(server.address() as AddressInfo).port}\n`));
