/** A value a Fluent message can take. */
export type MessageArgs = Record<string, string | number>;

/**
 * An expected failure caused by what a user sent or asked for. It carries the locale key of the
 * message to show, so every layer can refuse in the user's language without knowing the text.
 */
export class UserError extends Error {
  constructor(
    readonly key: string,
    readonly args: MessageArgs = {},
  ) {
    super(`${key} ${JSON.stringify(args)}`);
    this.name = "UserError";
  }
}
