import type { HocuspocusProviderWebsocket } from '@hocuspocus/provider';

/**
 * Connects a provider's socket, also one being closed: such a socket counts as open until its close
 * event, and connect() on an open socket does nothing, which would leave it closed for good.
 */
export function connectOnceClosed(socket: HocuspocusProviderWebsocket): void {
  if (socket.status !== 'connected') {
    void socket.connect();
    return;
  }
  const connectAgain = () => {
    socket.off('disconnect', connectAgain);
    void socket.connect();
  };
  socket.on('disconnect', connectAgain);
}
