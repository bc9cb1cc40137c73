import { join, normalize } from "node:path";
import { contentType } from "./content_type.ts";

/** Options for {@linkcode serveReports}. */
export interface ServeReportsOptions {
  /** The folder to serve. */
  root: string;
  /** Port on 127.0.0.1; 0 picks a free one. Default 8000. */
  port?: number;
  signal?: AbortSignal;
  onListen?: (url: string) => void;
}

/**
 * Serves a folder of reports on 127.0.0.1 only, read-only: files with their
 * content type, `index.html` for a folder, 404 for anything else, and never
 * a path outside the folder. A loopback address is a secure context, which
 * an encrypted report needs.
 */
export function serveReports(
  options: ServeReportsOptions,
): Deno.HttpServer<Deno.NetAddr> {
  const root = normalize(options.root);
  return Deno.serve({
    hostname: "127.0.0.1",
    port: options.port ?? 8000,
    ...(options.signal ? { signal: options.signal } : {}),
    onListen: ({ port }) => options.onListen?.(`http://127.0.0.1:${port}/`),
  }, async (request) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      return new Response("Method not allowed", {
        status: 405,
        headers: { allow: "GET, HEAD" },
      });
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url).pathname);
    } catch {
      return new Response("Bad request", { status: 400 });
    }
    const file = normalize(join(root, path));
    if (
      file !== root && !file.startsWith(root.endsWith("/") ? root : `${root}/`)
    ) {
      return new Response("Not found", { status: 404 });
    }
    let target = file;
    try {
      const info = await Deno.stat(target);
      if (info.isDirectory) {
        if (!path.endsWith("/")) {
          return new Response(null, {
            status: 301,
            headers: { location: `${new URL(request.url).pathname}/` },
          });
        }
        target = join(target, "index.html");
      }
      // Streamed from disk, never read whole: a run's segments.json (or
      // segments.json.enc) grows with its customers.
      const file = await Deno.open(target, { read: true });
      let size: number;
      try {
        size = (await file.stat()).size;
      } catch (error) {
        file.close();
        throw error;
      }
      if (request.method === "HEAD") file.close();
      return new Response(request.method === "HEAD" ? null : file.readable, {
        headers: {
          "content-type": contentType(target),
          "content-length": String(size),
          "cache-control": "no-cache",
        },
      });
    } catch {
      return new Response("Not found", {
        status: 404,
        headers: { "content-type": "text/plain; charset=utf-8" },
      });
    }
  });
}
