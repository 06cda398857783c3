import { createQueryId, type Compilable, type CompiledQuery, type Kysely } from 'kysely';

/**
 * A query Kysely builds and compiles once; each run swaps its parameter values in. Kysely
 * otherwise rebuilds and recompiles a query on every call, which for the hot single-row reads
 * (`case(id)` and its programmes) costs about as much as running them. Both dialects: the SQL
 * text and the order of its parameters are whatever the dialect compiled.
 *
 * `placeholders` are values the built query must carry as bound parameters, each exactly once;
 * the constructor checks that, so a query that inlines or repeats one fails at startup.
 */
export class Precompiled<Args extends readonly string[], Row> {
  private readonly compiled: CompiledQuery<Row>;
  private readonly slots: number[];

  constructor(build: (...args: Args) => Compilable<Row>, placeholders: Args) {
    this.compiled = build(...placeholders).compile();
    const parameters = this.compiled.parameters;
    this.slots = placeholders.map((placeholder) => {
      const slot = parameters.indexOf(placeholder);
      if (slot < 0 || parameters.lastIndexOf(placeholder) !== slot)
        throw new Error(`Precompiled query: placeholder ${placeholder} is not bound exactly once`);
      return slot;
    });
  }

  async rows<DB>(db: Kysely<DB>, ...args: Args): Promise<Row[]> {
    const parameters = [...this.compiled.parameters];
    this.slots.forEach((slot, i) => (parameters[slot] = args[i]));
    const result = await db.executeQuery<Row>({
      ...this.compiled,
      parameters,
      queryId: createQueryId(),
    });
    return result.rows;
  }
}
