/**
 * The commands on a warehouse source: `inspect` reads it, `report` builds
 * from it, a bad table exits 65 with the file-like message, and the
 * password, from ~/.pgpass (PGPASSFILE) or the URL, is printed nowhere.
 */
import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import { runCli } from "./run_cli.ts";
import { startPostgres } from "../source/warehouse/pg_server.ts";

const PASSWORD = "p4ss:w0rd";

Deno.test({
  name:
    "inspect and report read a PostgreSQL table with the password from PGPASSFILE, and never print it",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const server = await startPostgres({ password: PASSWORD });
    const tmp = await Deno.makeTempDir({ prefix: "basket-wh-cli-" });
    try {
      await server.sql(
        "CREATE TABLE tx (day date, shop text, cat text, amt numeric(10, 2), customer text)",
      );
      await server.sql(`INSERT INTO tx
        SELECT DATE '2024-01-01' + (i % 60), 'S' || (i % 3), CASE WHEN i % 2 = 0 THEN 'Books' ELSE 'Toys' END,
               (i % 17) + 0.25, 'C' || (i % 40)
        FROM generate_series(1, 2000) AS i`);
      const pgpass = `${tmp}/pgpass`;
      await Deno.writeTextFile(
        pgpass,
        `127.0.0.1:${server.port}:shop:basket:${
          PASSWORD.replace(":", "\\:")
        }\n`,
        { mode: 0o600 },
      );
      const env = { PGPASSFILE: pgpass };
      const map = [
        "--map",
        "date=day",
        "--map",
        "store=shop",
        "--map",
        "category=cat",
        "--map",
        "amount=amt",
        "--map",
        "customer=customer",
      ];
      const inspect = await runCli(
        "inspect",
        ["--data", server.url, "--table", "tx", ...map, "--json"],
        { env },
      );
      assertEquals(inspect.code, 0, inspect.stderr);
      const { source, summary } = JSON.parse(inspect.stdout);
      assertEquals(source.kind, "warehouse");
      assertEquals(summary.lines, 2000);
      assertEquals(summary.stores, 3);

      const withPassword = server.url.replace(
        "basket@",
        `basket:${encodeURIComponent(PASSWORD)}@`,
      );
      const report = await runCli("report", [
        "--data",
        withPassword,
        "--table",
        "tx",
        ...map,
        "--out",
        `${tmp}/out`,
      ]);
      assertEquals(report.code, 0, report.stderr);
      const runs = [...Deno.readDirSync(`${tmp}/out`)].filter((e) =>
        e.isDirectory
      );
      const dir = `${tmp}/out/${runs[0].name}`;
      const json = await Deno.readTextFile(`${dir}/report.json`);
      const html = await Deno.readTextFile(`${dir}/index.html`);
      const model = JSON.parse(json);
      assertEquals(model.data.rows, 2000);
      assertEquals(model.parameters.data, server.url);
      assertOk(model.data.engine.bytesReturned > 0);
      assertStringIncludes(html, "lines summed where they are");
      for (const text of [json, html, report.stderr, report.stdout]) {
        assertOk(!text.includes("p4ss"), "the password is printed");
      }

      const bad = await runCli(
        "inspect",
        [
          "--data",
          server.url,
          "--table",
          "tx",
          "--map",
          "date=dat",
          "--map",
          "amount=amt",
        ],
        { env },
      );
      assertEquals(bad.code, 65);
      assertStringIncludes(
        bad.stderr,
        'error: Cannot read sales table "tx": column "dat": is mapped to date but is not in the table (did you mean "day"?)',
      );
      const refused = await runCli("inspect", [
        "--data",
        server.url,
        "--table",
        "tx",
        ...map,
      ]);
      assertEquals(refused.code, 65, refused.stderr);
      assertStringIncludes(
        refused.stderr,
        "cannot connect: the server asks for a password and none was given (in the URL, PGPASSWORD or ~/.pgpass)",
      );
    } finally {
      await server.stop();
      await Deno.remove(tmp, { recursive: true });
    }
  },
});
