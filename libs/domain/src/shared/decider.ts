/**
 * An aggregate as the command path and the specs see it: the emmett-style decider triple (pure).
 */
export interface Decider<State, Command, DomainEvent extends { type: string; data: unknown }> {
  initialState(): State;
  evolve(state: State, event: DomainEvent): State;
  decide(command: Command, state: State): DomainEvent[];
}
