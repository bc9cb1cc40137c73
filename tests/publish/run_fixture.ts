/** The files of a small finished run, as the report command writes them. */
export function runFixtureFiles(
  runId: string,
  title = `Basket report ${runId}`,
) {
  return {
    "index.html": `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="icon" href="data:,">
<style>body{font-family:sans-serif}</style></head>
<body><h1 id="title">${title}</h1><p>Net sales: 1 234,50 €</p>
<script>document.body.dataset.ready = "yes";</script></body></html>
`,
    "report.json": JSON.stringify({
      runId,
      version: "0.1.0",
      parameters: { asOf: "2026-11-21" },
    }),
    "sales_by_month.csv": "month,amount\n2026-10,1000.5\n2026-11,234\n",
    "top_products.csv": "product,amount\nTea,500\nCoffee,734.5\n",
    "notebooks/01_sales_analysis.html":
      `<!doctype html><title>notebook ${runId}</title>`,
    "chart.svg":
      `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>`,
  } as Record<string, string>;
}

/** Writes a run folder `<root>/<runId>/` holding {@linkcode runFixtureFiles}. */
export async function writeRunFixture(
  root: string,
  runId: string,
  files: Record<string, string> = runFixtureFiles(runId),
): Promise<string> {
  const dir = `${root}/${runId}`;
  for (const [path, text] of Object.entries(files)) {
    const slash = path.lastIndexOf("/");
    if (slash > 0) {
      await Deno.mkdir(`${dir}/${path.slice(0, slash)}`, { recursive: true });
    }
    await Deno.mkdir(dir, { recursive: true });
    await Deno.writeTextFile(`${dir}/${path}`, text);
  }
  return dir;
}
