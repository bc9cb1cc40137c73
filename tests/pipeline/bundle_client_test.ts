import { assertEquals, assertOk } from "../assert.ts";

const ROOT = new URL("../../", import.meta.url);

Deno.test("bundleClient() bundles the page's script from any working folder", async () => {
  const cwd = await Deno.makeTempDir({ prefix: "basket-bundle-cwd-" });
  try {
    const output = await new Deno.Command(Deno.execPath(), {
      args: [
        "eval",
        `--config=${new URL("deno.json", ROOT).pathname}`,
        `const { bundleClient } = await import(${
          JSON.stringify(new URL("src/pipeline/bundle_client.ts", ROOT).href)
        }); console.log((await bundleClient()).length);`,
      ],
      cwd,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(output.stderr);
    assertEquals(output.code, 0, stderr);
    assertOk(Number(new TextDecoder().decode(output.stdout)) > 50_000, stderr);
  } finally {
    await Deno.remove(cwd, { recursive: true });
  }
});
