import { assertEquals } from "../assert.ts";
import { EXIT_CODES } from "../../src/cli/exit_codes.ts";
import { CONFIG_KEYS } from "../../src/cli/settings_file.ts";

const page = await Deno.readTextFile(
  new URL("../../docs/cli.md", import.meta.url),
);

Deno.test("docs/cli.md lists every config key the commands declare, and no other", () => {
  const table = page.slice(page.indexOf("| Key"), page.indexOf("Without"));
  const listed = [...table.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1]);
  assertEquals(listed.sort(), [...CONFIG_KEYS].sort());
});

Deno.test("docs/cli.md lists the exit codes the commands use", () => {
  const table = page.slice(page.indexOf("## Exit codes"));
  const listed = [...table.matchAll(/^\| (\d+) /gm)].map((m) => Number(m[1]));
  assertEquals(listed, EXIT_CODES.map(({ code }) => code));
});
