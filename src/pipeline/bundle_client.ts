const ENTRY = new URL("../report/client/main.ts", import.meta.url);
// Basket's own import map and lock file, whatever the working folder.
const CONFIG = new URL("../../deno.json", import.meta.url);

/**
 * Bundles the report page's script (its filters, and the same chart and
 * figure functions the server uses) for the browser with `deno bundle`.
 */
export async function bundleClient(): Promise<string> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: [
      "bundle",
      "--quiet",
      "--platform",
      "browser",
      "--minify",
      `--config=${CONFIG.pathname}`,
      ENTRY.pathname,
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!output.success) {
    throw new Error(
      `Cannot bundle the report's script: ${
        new TextDecoder().decode(output.stderr).trim().split("\n").slice(0, 5)
          .join(" ")
      }`,
    );
  }
  return new TextDecoder().decode(output.stdout);
}
