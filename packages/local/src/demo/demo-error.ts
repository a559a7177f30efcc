/** A failure the demo explains; the CLI prints the message without a stack. */
export class DemoError extends Error {
  override readonly name = 'DemoError';
}
