/**
 * A ConfigurationError is the user's to fix (bad input, missing file, tag where a digest is
 * required). Actions report it as a one-line failure with exit code 1 and never retry it.
 * Anything else is an operational failure (registry down, engine refused, health timeout).
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** Error for an input value that breaks a rule: names the input, the value and the rule. */
export function invalidInput(input: string, value: string, rule: string): ConfigurationError {
  return new ConfigurationError(`Input "${input}" has value ${JSON.stringify(value)}: ${rule}`);
}

export function isConfigurationError(err: unknown): err is ConfigurationError {
  return err instanceof ConfigurationError;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
