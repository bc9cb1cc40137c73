import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { paperFor } from "./pdf_options.ts";
import { findChromium, INSTALL_CHROMIUM, printPdf } from "./print_pdf.ts";
import { stageLine } from "../pipeline/stage_timer.ts";

/** A printed PDF, ready to be written with the run. */
export interface PrintedReport {
  pdf: Uint8Array;
  pages: number;
  paper: "a4" | "letter";
}

/** The `--pdf` step of `report`: found Chromium (or not), and the print. */
export interface PdfStep {
  /** Why no PDF is (or was) printed, once known; null while all is well. */
  missing: string | null;
  /** Prints the run's page; null, with `missing` set, when it cannot. */
  print(
    files: ReadonlyMap<string, string>,
    running?: (stage: string | null) => void,
  ): Promise<PrintedReport | null>;
}

/**
 * Looks for Chromium before the build, so that a missing one is said at
 * once (a warning naming what to install), and returns the step that
 * prints the page once it is built. The report is written either way.
 */
export async function pdfStep(
  asked: "a4" | "letter" | undefined,
  locale: string,
  log: (line: string) => void,
): Promise<PdfStep> {
  const paper = paperFor(asked, locale);
  const chromium = await findChromium();
  const step: PdfStep = {
    missing: chromium
      ? null
      : `no index.pdf: Chromium is not installed; ${INSTALL_CHROMIUM}`,
    async print(files, running) {
      if (!chromium) return null;
      running?.("pdf");
      const started = performance.now();
      const dir = await Deno.makeTempDir({ prefix: "basket-print-" });
      try {
        const html = join(dir, "index.html");
        await Deno.writeTextFile(html, files.get("index.html")!);
        const printed = await printPdf(html, join(dir, "index.pdf"), {
          chromium,
          paper,
        });
        const pdf = await Deno.readFile(printed.path);
        log(
          stageLine("pdf", performance.now() - started),
        );
        return { pdf, pages: printed.pages, paper };
      } catch (error) {
        step.missing = `no index.pdf: printing with ${chromium} failed: ${
          (error as Error).message
        }`;
        return null;
      } finally {
        running?.(null);
        await Deno.remove(dir, { recursive: true }).catch(() => {});
      }
    },
  };
  if (step.missing) {
    log(`warning: ${step.missing}; the report is written without it`);
  }
  return step;
}

/**
 * What `report` says once the run is written: where the page is, its size,
 * the PDF when there is one, and a `file://` link to open it with.
 *
 * @example
 * ```ts
 * import { reportWrittenLines } from "./report_pdf.ts";
 * const lines = reportWrittenLines("/r/20250101T000000Z", "x".repeat(2048), null);
 * if (lines.join("\n") !== "Report written to /r/20250101T000000Z/index.html (2 KiB)\nOpen it: file:///r/20250101T000000Z/index.html") {
 *   throw new Error(lines.join("\n"));
 * }
 * ```
 */
export function reportWrittenLines(
  dir: string,
  html: string,
  printed: PrintedReport | null,
): string[] {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  return [
    `Report written to ${dir}/index.html (${
      kib(new TextEncoder().encode(html).length)
    })`,
    ...(printed
      ? [
        `PDF written to ${dir}/index.pdf (${printed.pages} ${
          printed.pages === 1 ? "page" : "pages"
        }, ${printed.paper === "a4" ? "A4" : "Letter"}, ${
          kib(printed.pdf.length)
        })`,
      ]
      : []),
    `Open it: ${pathToFileURL(resolve(dir, "index.html")).href}`,
  ];
}
