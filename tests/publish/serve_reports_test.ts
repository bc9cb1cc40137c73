import { assertEquals } from "../assert.ts";
import { serveReports } from "../../src/publish/serve_reports.ts";

Deno.test("serveReports() serves report files on 127.0.0.1 with their types, and nothing outside the folder", async () => {
  const root = await Deno.makeTempDir({ prefix: "basket-serve-" });
  await Deno.mkdir(`${root}/latest`);
  await Deno.writeTextFile(`${root}/latest/index.html`, "<h1>Report</h1>");
  await Deno.writeTextFile(`${root}/latest/stores.csv`, "store\nA\n");
  const controller = new AbortController();
  let base = "";
  const server = serveReports({
    root,
    port: 0,
    signal: controller.signal,
    onListen: (url) => base = url,
  });
  try {
    const page = await fetch(`${base}latest/`);
    assertEquals([
      page.status,
      page.headers.get("content-type"),
      await page.text(),
    ], [200, "text/html; charset=utf-8", "<h1>Report</h1>"]);
    const csv = await fetch(`${base}latest/stores.csv`);
    assertEquals([csv.status, csv.headers.get("content-type")], [
      200,
      "text/csv; charset=utf-8",
    ]);
    await csv.body?.cancel();
    const redirect = await fetch(`${base}latest`, { redirect: "manual" });
    assertEquals([redirect.status, redirect.headers.get("location")], [
      301,
      "/latest/",
    ]);
    for (
      const path of [
        "missing.html",
        "..%2F..%2Fetc%2Fpasswd",
        "%2e%2e/%2e%2e/etc/passwd",
      ]
    ) {
      const response = await fetch(`${base}${path}`);
      assertEquals(response.status, 404, path);
      await response.body?.cancel();
    }
    assertEquals(base.startsWith("http://127.0.0.1:"), true);
  } finally {
    controller.abort();
    await server.finished;
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("serveReports() streams a file from disk, never reading it whole: a large segments.json.enc arrives with its exact bytes and length", async () => {
  const root = await Deno.makeTempDir({ prefix: "basket-serve-" });
  await Deno.mkdir(`${root}/run`);
  const bytes = Uint8Array.from(
    { length: 3 * (1 << 20) + 17 },
    (_, i) => (i * 31 + (i >> 12)) & 0xff,
  );
  await Deno.writeFile(`${root}/run/segments.json.enc`, bytes);
  const controller = new AbortController();
  let base = "";
  const server = serveReports({
    root,
    port: 0,
    signal: controller.signal,
    onListen: (url) => base = url,
  });
  const readFile = Deno.readFile;
  const whole: string[] = [];
  // Reading a file whole is what the server must not do.
  Deno.readFile = (path, options) => {
    whole.push(String(path));
    return readFile(path, options);
  };
  try {
    const response = await fetch(`${base}run/segments.json.enc`);
    assertEquals(response.status, 200);
    assertEquals(
      response.headers.get("content-length"),
      String(bytes.length),
    );
    const got = new Uint8Array(await response.arrayBuffer());
    assertEquals(got.length, bytes.length);
    assertEquals(got.every((b, i) => b === bytes[i]), true);
    const head = await fetch(`${base}run/segments.json.enc`, {
      method: "HEAD",
    });
    assertEquals(
      [head.status, head.headers.get("content-length")],
      [200, String(bytes.length)],
    );
    await head.body?.cancel();
    assertEquals(whole, []);
  } finally {
    Deno.readFile = readFile;
    controller.abort();
    await server.finished;
    await Deno.remove(root, { recursive: true });
  }
});
