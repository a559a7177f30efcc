// Apart from entry.ts (zod), so input parsers can check an environment name without loading it.

/** An environment name that makes a valid tag `kiln-ledger-<env>` (tags: 128 characters). */
export const ENV_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,115}$/;

/** The rule ENV_NAME checks, for error messages. */
export const ENV_NAME_RULE =
  'must be an environment name: letters, digits, "_", "." and "-" (at most 116, not starting with "." or "-")';
