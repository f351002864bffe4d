/**
 * The co-editing endpoint alone, as `npm start` serves it but without Next: for the test that kills
 * it with SIGKILL mid-session (server/co-editing/crash.test.ts). Run by Node with tsx and the
 * react-server condition, on the DATA_DIR and PORT it is given; prints "ready" once listening.
 */
import http from 'node:http';
import { createCollabServer } from '@/server/co-editing/collab-server';
import { installOpenDocuments } from '@/server/co-editing/follow-working-copy';

const collab = createCollabServer({ maxUpdateBytes: 512 * 1024, recheckMs: 500 });
installOpenDocuments(collab.openDocuments);
const server = http.createServer((_request, response) => response.writeHead(404).end());
server.on('upgrade', (request, socket, head) => collab.handleUpgrade(request, socket, head));
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
