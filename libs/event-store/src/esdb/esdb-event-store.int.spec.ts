import { eventStoreContract } from '../testing';
import { EsdbEventStore } from './esdb-event-store';
import { startEsdbTestServer, type EsdbTestServer } from './testing';

// With ESDB_CONNECTION_STRING set, the contract runs against that EventStoreDB / KurrentDB server
// (see docs/esdb.md); otherwise against the in-process test server, over the wire all the same.
const external = process.env.ESDB_CONNECTION_STRING;
let server: EsdbTestServer | undefined;

beforeAll(async () => {
  if (!external) server = await startEsdbTestServer();
});
afterAll(async () => {
  await server?.stop();
});

// 'reopen' is a new client connection to the same server. No 'crash' capability: durability of
// acknowledged appends is the server's, and killing this process cannot take them back.
eventStoreContract(`EsdbEventStore (${external ? 'external server' : 'test server'})`, {
  capabilities: { reopen: true },
  async create() {
    const connectionString = external ?? (server as EsdbTestServer).connectionString;
    const open = () => new EsdbEventStore({ connectionString });
    const opened = [open()];
    return {
      store: opened[0],
      async reopen() {
        await opened[opened.length - 1].close();
        opened.push(open());
        return opened[opened.length - 1];
      },
      async dispose() {
        await Promise.all(opened.map((store) => store.close()));
      },
    };
  },
});
