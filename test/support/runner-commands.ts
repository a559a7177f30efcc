/**
 * A model of how the GitHub Actions runner reads a step's output (actions/runner
 * `ActionCommand.TryParseV2` / `TryParse` and `ActionCommandManager.TryProcessCommand`), so
 * tests can assert which workflow commands a piece of output would run. It is deliberately
 * generous: any command name counts, not only the registered ones.
 */
export interface RunnerCommand {
  command: string;
  /** Unescaped as the runner unescapes command data. */
  data: string;
}

/** .NET `Char.IsWhiteSpace`, which `TrimStart()` strips before looking for `::`. */
export const DOTNET_WHITESPACE =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;

export const unescapeData = (s: string): string =>
  s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

/** Both readings of a line: `::name ...::data` after whitespace, and `##[name ...]data` anywhere. */
function readings(line: string): RunnerCommand[] {
  const out: RunnerCommand[] = [];
  const trimmed = line.replace(DOTNET_WHITESPACE, '');
  const end = trimmed.startsWith('::') ? trimmed.indexOf('::', 2) : -1;
  if (end > 2) {
    const name = trimmed.slice(2, end).split(' ')[0] as string;
    out.push({ command: name, data: unescapeData(trimmed.slice(end + 2)) });
  }
  const start = line.indexOf('##[');
  const close = start >= 0 ? line.indexOf(']', start) : -1;
  if (close > start + 3) {
    const name = line.slice(start + 3, close).split(' ')[0] as string;
    out.push({ command: name, data: line.slice(close + 1) });
  }
  return out.filter((c) => c.command !== '');
}

/** The commands the runner would run for `output`, honouring `::stop-commands::`. */
export function runnerCommands(output: string): RunnerCommand[] {
  const run: RunnerCommand[] = [];
  let stopToken: string | undefined;
  // StreamReader.ReadLine: a line ends at \r\n, \r or \n.
  for (const line of output.split(/\r\n|\r|\n/)) {
    const found = readings(line);
    const named = (name: string): RunnerCommand | undefined =>
      found.find((c) => c.command.toLowerCase() === name.toLowerCase());
    if (stopToken !== undefined) {
      if (named(stopToken)) stopToken = undefined;
    } else if (named('stop-commands')) {
      stopToken = named('stop-commands')?.data;
    } else if (found[0]) {
      run.push(found[0]);
    }
  }
  return run;
}
