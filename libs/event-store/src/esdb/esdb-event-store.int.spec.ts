import { eventStoreContract, type EventStoreContractFactory } from '../testing';
import { reopenableFixture } from '../testing/reopenable-fixture';
import { EsdbEventStore } from './esdb-event-store';
import { startEsdbTestServer, type EsdbTestServer } from './testing';

// With ESDB_CONNECTION_STRING set, the contract runs against that EventStoreDB / KurrentDB server
// (docs/esdb.md); otherwise against the in-process test server, over the wire all the same.
const external = process.env.ESDB_CONNECTION_STRING;

/**
 * 'reopen' is a new client connection to the same server. No 'crash' capability: acknowledged
 * appends are the server's to keep, and killing this process cannot take them back.
 */
function onServer(connectionString: () => string): EventStoreContractFactory {
  return {
    capabilities: { reopen: true },
    async create() {
      return reopenableFixture(() => new EsdbEventStore({ connectionString: connectionString() }));
    },
  };
}

if (external) {
  eventStoreContract(
    'EsdbEventStore (ESDB_CONNECTION_STRING)',
    onServer(() => external),
  );
} else {
  describe.each([
    ['BatchAppend', true],
    ['Append, for servers without BatchAppend', false],
  ])('on the test server, appending over %s', (_, batchAppend) => {
    let server: EsdbTestServer;
    beforeAll(async () => {
      server = await startEsdbTestServer({ batchAppend });
    });
    afterAll(() => server.stop());

    eventStoreContract(
      'EsdbEventStore',
      onServer(() => server.connectionString),
    );
  });
}
