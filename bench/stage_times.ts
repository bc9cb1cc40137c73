/** One stage's time as a report printed it. */
export interface StageTime {
  name: string;
  seconds: number;
  /** The process's peak resident memory in the stage, in bytes, when the line gave it. */
  peakBytes?: number;
}

const STAGE_LINE = /^([a-z][\w-]*)\s+(\d+(?:\.\d+)?) s(?:\s+peak (\d+) MB)?$/;

/**
 * The stage lines (`load         1.50 s`, or `load         1.50 s  peak 140 MB`
 * where the report could read its memory) of a report's stderr, in order;
 * other lines are ignored. A stage printed twice keeps both lines.
 *
 * @example
 * ```ts
 * import { parseStageTimes } from "./stage_times.ts";
 * const stages = parseStageTimes("load         1.50 s\nReport written to x\nhtml 0.20 s\n");
 * if (stages.map((s) => s.name).join() !== "load,html") throw new Error(JSON.stringify(stages));
 * ```
 */
export function parseStageTimes(stderr: string): StageTime[] {
  const stages: StageTime[] = [];
  for (const line of stderr.split(/\r?\n/)) {
    const match = STAGE_LINE.exec(line.trim());
    if (!match) continue;
    stages.push({
      name: match[1],
      seconds: Number(match[2]),
      ...(match[3] === undefined ? {} : { peakBytes: Number(match[3]) * 1e6 }),
    });
  }
  return stages;
}
