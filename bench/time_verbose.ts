/** What GNU time's `-v` report says about a finished process and its children. */
export interface ProcessUsage {
  wallSeconds: number;
  userSeconds: number;
  systemSeconds: number;
  /** Peak resident set size of the process or its largest descendant, in bytes. */
  maxRssBytes: number;
  /** The exit status, or null when a signal ended it. */
  exitStatus: number | null;
  /** The signal that ended it, or null. */
  signal: number | null;
}

/**
 * Parses the report of GNU time's `-v` (`/usr/bin/time -v -o FILE cmd`):
 * elapsed wall time (`m:ss.ss` or `h:mm:ss`), user and system CPU seconds,
 * the maximum resident set size (kbytes), and how the command ended. Throws
 * a SyntaxError when a field is missing.
 *
 * @example
 * ```ts
 * import { parseTimeVerbose } from "./time_verbose.ts";
 * const usage = parseTimeVerbose([
 *   "\tUser time (seconds): 4.69",
 *   "\tSystem time (seconds): 0.36",
 *   "\tElapsed (wall clock) time (h:mm:ss or m:ss): 1:07.99",
 *   "\tMaximum resident set size (kbytes): 381816",
 *   "\tExit status: 0",
 * ].join("\n"));
 * if (usage.wallSeconds !== 67.99 || usage.maxRssBytes !== 381816 * 1024) throw new Error(JSON.stringify(usage));
 * ```
 */
export function parseTimeVerbose(text: string): ProcessUsage {
  const field = (label: string): string => {
    const line = text.split(/\r?\n/).find((l) =>
      l.trim().startsWith(`${label}`)
    );
    if (line === undefined) {
      throw new SyntaxError(
        `Cannot read the report of /usr/bin/time -v: no line ${
          JSON.stringify(label)
        }`,
      );
    }
    return line.slice(line.lastIndexOf(": ") + 2).trim();
  };
  const number = (label: string): number => {
    const value = Number(field(label));
    if (!Number.isFinite(value)) {
      throw new SyntaxError(
        `Cannot read the report of /usr/bin/time -v: ${
          JSON.stringify(label)
        } is ${JSON.stringify(field(label))}`,
      );
    }
    return value;
  };
  const elapsed = field("Elapsed (wall clock) time");
  const wallSeconds = elapsed.split(":").reduce(
    (total, part) => total * 60 + Number(part),
    0,
  );
  if (!Number.isFinite(wallSeconds)) {
    throw new SyntaxError(
      `Cannot read the report of /usr/bin/time -v: the elapsed time is ${
        JSON.stringify(elapsed)
      }`,
    );
  }
  const signalled = /Command terminated by signal (\d+)/.exec(text);
  return {
    wallSeconds: Math.round(wallSeconds * 100) / 100,
    userSeconds: number("User time (seconds)"),
    systemSeconds: number("System time (seconds)"),
    maxRssBytes: number("Maximum resident set size (kbytes)") * 1024,
    exitStatus: signalled ? null : number("Exit status"),
    signal: signalled ? Number(signalled[1]) : null,
  };
}
