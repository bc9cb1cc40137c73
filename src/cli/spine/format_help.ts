import { exitCodesLine } from "../exit_codes.ts";
import type { CommandSpec, OptionSpec } from "./option_spec.ts";

const WIDTH = 24;

/** The options every command has, besides its own. */
const COMMON: readonly OptionSpec[] = [
  { name: "help", short: "h", kind: "boolean", help: "show this help" },
  {
    name: "version",
    kind: "boolean",
    help: "print Basket's, Deno's and DuckDB's versions",
  },
  { name: "debug", kind: "boolean", help: "print the stack of an error" },
];

/**
 * The `--help` text of a command, from its declaration: usage, description,
 * the options by section with where else each setting may come from
 * (environment variable, config key, default), and the exit codes.
 */
export function formatHelp(spec: CommandSpec): string {
  const lines = spec.usage.map((usage, i) =>
    `${i === 0 ? "Usage:" : "      "} deno task ${spec.name}${
      usage ? ` ${usage}` : ""
    }`
  );
  lines.push("", spec.description);
  const sections = new Map<string, OptionSpec[]>();
  for (const option of [...spec.options, ...COMMON]) {
    const section = COMMON.includes(option)
      ? "Other"
      : option.section ?? "Options";
    sections.set(section, [...(sections.get(section) ?? []), option]);
  }
  for (const [section, options] of sections) {
    lines.push("", `${section}:`);
    for (const option of options) lines.push(...optionLines(option));
  }
  if (spec.epilogue) lines.push("", spec.epilogue);
  lines.push("", `${exitCodesLine()} (see docs/cli.md)`);
  return lines.join("\n");
}

function optionLines(option: OptionSpec): string[] {
  const flag = `${option.short ? `-${option.short}, ` : ""}--${option.name}${
    option.value ? ` ${option.value}` : ""
  }`;
  const help = option.help.split("\n");
  const sources = [
    ...(option.env ?? []),
    ...(option.config ? [`config "${option.config}"`] : []),
    ...(option.defaultText !== undefined
      ? [`default ${option.defaultText}`]
      : option.default !== undefined
      ? [`default ${String(option.default)}`]
      : []),
  ];
  if (option.kind === "list") help[0] += " (repeat)";
  if (sources.length) help.push(`[${sources.join("; ")}]`);
  const pad = " ".repeat(WIDTH);
  const first = flag.length < WIDTH - 3
    ? [`  ${flag.padEnd(WIDTH - 2)}${help[0]}`]
    : [`  ${flag}`, `${pad}${help[0]}`];
  return [...first, ...help.slice(1).map((line) => `${pad}${line}`)];
}
