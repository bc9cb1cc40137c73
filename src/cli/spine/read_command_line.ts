import type { CommandSpec } from "./option_spec.ts";
import { formatHelp } from "./format_help.ts";
import { parseCommand, type ParsedCommand } from "./parse_command.ts";
import { versionText } from "./version_text.ts";

/**
 * Reads a command line against the command's declaration. With `-h`,
 * `--help` or `--version` it prints the help or the versions and gives
 * `undefined`: the command then exits 0.
 */
export function readCommandLine(
  spec: CommandSpec,
  args: readonly string[],
  print: (text: string) => void = console.log,
): ParsedCommand | undefined {
  const parsed = parseCommand(spec, args);
  if (parsed.help) print(formatHelp(spec));
  else if (parsed.version) print(versionText());
  else return parsed;
  return undefined;
}
