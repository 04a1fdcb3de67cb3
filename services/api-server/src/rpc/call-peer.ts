/**
 * The client's address from a peer string as grpc-js's `call.getPeer()` gives it (`host:port`,
 * IPv6 hosts unbracketed), which the REST gateway mirrors from the socket. Only the transport
 * fills it: no header or metadata a client sends can change it.
 */
export function clientAddressOf(peer: string): string {
  const host = peer.replace(/^\[(.*)\](:\d+)?$/, '$1').replace(/:\d+$/, '');
  // An IPv4 client reaching a dual-stack listener shows as ::ffff:a.b.c.d; count it as a.b.c.d.
  return host.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1') || 'unknown';
}

/** The peer string for a socket, in grpc-js's form, so both transports read the same way. */
export function peerOf(socket: { remoteAddress?: string; remotePort?: number }): string {
  if (!socket.remoteAddress) return 'unknown';
  return socket.remotePort ? `${socket.remoteAddress}:${socket.remotePort}` : socket.remoteAddress;
}
