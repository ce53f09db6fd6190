// Runs the shared conformance suite against the Node transport, with a `ws` peer on loopback.
import { nodeConformance } from '../helpers/node-conformance.mjs';
import { startEchoServer } from '../helpers/peers.mjs';

nodeConformance('conformance: node transport, ws peer', startEchoServer);
