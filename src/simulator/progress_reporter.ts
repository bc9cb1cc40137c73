/** Reports a long task's progress on a terminal or in a log. */
export interface ProgressReporter {
  /** `fraction` in [0, 1]; `detail` is shown after it, e.g. "1,234 lines". */
  update(label: string, fraction: number, detail: string): void;
  /** A step without a measurable fraction, e.g. "Converting to Parquet". */
  note(text: string): void;
  /** Clears the bar (on a terminal). */
  done(): void;
}

/** Where and how a {@linkcode ProgressReporter} writes. */
export interface ProgressReporterOptions {
  /** Writes text as it is, with no newline added. */
  write: (text: string) => void;
  /** Whether the output is a terminal: a live bar, else a few log lines. */
  terminal: boolean;
  /** Milliseconds from a fixed point. */
  now: () => number;
  /** Runs shorter than this print no log lines (not on a terminal); default 5 s. */
  quietMs?: number;
}

const BAR_WIDTH = 30;
const REDRAW_MS = 100;

/**
 * A progress bar redrawn in place on a terminal. Elsewhere (a log, a pipe),
 * a plain line at each quarter of the way and for each step, once the run
 * has lasted `quietMs`, so that short runs print nothing.
 */
export function createProgressReporter(
  options: ProgressReporterOptions,
): ProgressReporter {
  const { write, terminal, now } = options;
  const quiet = options.quietMs ?? 5_000;
  const start = now();
  let lastDraw = -Infinity;
  let drawn = false;
  let nextQuarter = 0.25;
  let lastLabel = "";
  const draw = (text: string) => {
    write(`\r\x1b[K${text}`);
    drawn = true;
  };
  return {
    update(label, fraction, detail) {
      const share = Math.min(1, Math.max(0, fraction));
      const percent = Math.floor(share * 100);
      if (label !== lastLabel) nextQuarter = 0.25, lastLabel = label;
      if (terminal) {
        const t = now();
        if (t - lastDraw < REDRAW_MS && share < 1) return;
        lastDraw = t;
        draw(`${label} ${progressBar(share, BAR_WIDTH)} ${percent}% ${detail}`);
      } else if (share >= nextQuarter && share < 1) {
        while (nextQuarter <= share) nextQuarter += 0.25;
        if (now() - start >= quiet) write(`${label}: ${percent}% ${detail}\n`);
      }
    },
    note(text) {
      if (terminal) draw(text);
      else if (now() - start >= quiet) write(`${text}\n`);
    },
    done() {
      if (drawn) write("\r\x1b[K");
      drawn = false;
    },
  };
}

/**
 * A text bar `[#####-----]` for a fraction in [0, 1].
 *
 * @example
 * ```ts
 * import { progressBar } from "./progress_reporter.ts";
 * if (progressBar(0.5, 4) !== "[##--]") throw new Error(progressBar(0.5, 4));
 * ```
 */
export function progressBar(fraction: number, width: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
}
