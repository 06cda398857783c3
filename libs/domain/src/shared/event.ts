import type { Actor, DateTime } from './types';

/** An event as the domain sees it: plain data, no metadata (the handler adds `EventMetadata`). */
export type Event<Type extends string, Data> = { type: Type; data: Data };

export type CommandBase = {
  caseId: string;
  actor: Actor;
  /** the moment the command is handled; the domain's only notion of "today" */
  now: DateTime;
};

/** A command: plain data plus which case, who asks and when. No clock inside the domain. */
export type Command<Type extends string, Data, Base = CommandBase> = Base & {
  type: Type;
  data: Data;
};
