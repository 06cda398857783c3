/** What the generic command path needs to know of an aggregate: the emmett-style decider triple. */
export interface Decider<State, Command, DomainEvent extends { type: string; data: unknown }> {
  initialState(): State;
  evolve(state: State, event: DomainEvent): State;
  decide(command: Command, state: State): DomainEvent[];
}
