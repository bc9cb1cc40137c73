/**
 * `deno task` prints a yellow "Ignored build scripts" box the first time it
 * runs in a folder while npm packages with lifecycle scripts (the `deno` npm
 * package that installs the toolchain, danfojs's core-js) are in the lock:
 * in every fresh clone, and on every run where the Deno cache is new (CI).
 * deno.json's `allowScripts.deny` says the scripts stay off on purpose, so
 * no task prints it. A fresh copy of the project's configuration is a
 * folder Deno has not warned in yet. (`--quiet` would hide the box too.)
 */
import { assertEquals } from "../assert.ts";

const ROOT = new URL("../../", import.meta.url);

Deno.test("a fresh clone's first run prints no Ignored build scripts box", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-fresh-clone-" });
  try {
    for (const file of ["deno.lock", "package.json"]) {
      await Deno.copyFile(new URL(file, ROOT), `${dir}/${file}`);
    }
    // A clone has run `npm install` (which puts the toolchain in
    // node_modules) before its first task.
    await Deno.symlink(
      await Deno.realPath(new URL("node_modules", ROOT)),
      `${dir}/node_modules`,
    );
    // The project's configuration with one task more: `deno task` is what
    // settles the npm packages and prints the box.
    const config = JSON.parse(
      await Deno.readTextFile(new URL("deno.json", ROOT)),
    );
    config.tasks = { hello: "env deno run hello.ts" };
    await Deno.writeTextFile(`${dir}/deno.json`, JSON.stringify(config));
    await Deno.writeTextFile(`${dir}/hello.ts`, 'console.log("hello");\n');
    const home = Deno.env.get("HOME") ?? "/root";
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["task", "hello"],
      cwd: dir,
      clearEnv: true,
      env: {
        PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
        HOME: home,
        DENO_DIR: Deno.env.get("DENO_DIR") ?? `${home}/.cache/deno`,
        NO_COLOR: "1",
      },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(output.stderr);
    assertEquals(output.code, 0, stderr);
    assertEquals(new TextDecoder().decode(output.stdout), "hello\n");
    assertEquals(stderr.includes("Ignored build scripts"), false, stderr);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
