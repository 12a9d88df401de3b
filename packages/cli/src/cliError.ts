/**
 * An error the user can act on: its message is printed as is (no stack trace) and the process
 * exits with `exitCode`. `problems` holds one line per problem when there are several.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
