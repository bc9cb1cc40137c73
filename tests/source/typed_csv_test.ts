import { assertEquals, assertOk as assert } from "../assert.ts";
import { InputError } from "../../src/model/input_error.ts";
import { closeDataset, openDatabase } from "../../src/source/dataset.ts";
import { loadTypedCsv } from "../../src/source/layouts/typed_csv.ts";
import {
  loadSource,
  type LoadSourceOptions,
} from "../../src/source/load_source.ts";
import { ensureRejectsTable } from "../../src/source/stage_csv.ts";
import { simulateRetail } from "../../src/simulator/simulate_retail.ts";
import { writeSimulation } from "../../src/simulator/write_simulation.ts";
import { KAGGLE, withFiles } from "./source_files.ts";

const FIXTURES = new URL("../", import.meta.url).pathname;
const CDNOW =
  new URL("../../../shared/datasets/cdnow/", import.meta.url).pathname;

/** Every row of `sales` in order, every customer, and the load report, as text. */
async function loadBoth(
  options: LoadSourceOptions,
): Promise<{ typed: string; text: string }> {
  const read = async (typed: boolean) => {
    const { dataset, report } = await loadSource({ ...options, typed });
    try {
      const rows = async (sql: string) =>
        JSON.stringify(
          (await dataset.connection.runAndReadAll(sql)).getRowsJS(),
          (_, v) => typeof v === "bigint" ? String(v) : v,
        );
      return [
        await rows(`SELECT * FROM sales ORDER BY rowid`),
        await rows(`SELECT * FROM customers ORDER BY rowid`),
        JSON.stringify(report),
      ].join("\n");
    } finally {
      closeDataset(dataset);
    }
  };
  return { typed: await read(true), text: await read(false) };
}

/** Whether the typed pass alone reads `file`; `sales` is left empty when it does not. */
async function typedReads(
  file: string,
  options: { dateFormat?: "dmy" | "mdy" } = {},
): Promise<boolean> {
  const connection = await openDatabase();
  try {
    await ensureRejectsTable(connection);
    const loaded = await loadTypedCsv(
      { connection, onBadRows: "fail", dateFormat: options.dateFormat },
      file,
      undefined,
    );
    const [[n]] = (await connection.runAndReadAll(
      `SELECT count(*)::INTEGER FROM sales`,
    )).getRows();
    if (!loaded) assertEquals(n, 0, "a refused typed pass leaves no line");
    return loaded !== null;
  } finally {
    closeDataset({ connection });
  }
}

Deno.test("the typed pass and the checked path load simulated data into the same tables", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-typed-" });
  try {
    for (const layout of ["basket", "store-sales"] as const) {
      await writeSimulation(
        simulateRetail({ customers: 300, days: 20, seed: 5 }),
        { out: `${dir}/${layout}`, layout },
      );
      const sales = `${dir}/${layout}/${
        layout === "basket" ? "sales" : "store_sales"
      }.csv`;
      assert(await typedReads(sales), `the typed pass reads ${layout}`);
      const { typed, text } = await loadBoth({
        path: layout === "basket" ? `${dir}/${layout}` : sales,
      });
      assertEquals(typed, text);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the typed pass and the checked path load the fixtures and the real data sets into the same tables", async () => {
  const cases: LoadSourceOptions[] = [
    { path: `${FIXTURES}reference/cohorts_fixture` },
    { path: `${FIXTURES}fixtures/invoices.csv` },
    { path: `${FIXTURES}fixtures/invoices.csv`, dateFormat: "mdy" },
    { path: KAGGLE },
    {
      path: `${CDNOW}CDNOW_sample.txt`,
      header: false,
      delimiter: "whitespace",
      map: { customer_id: "2", date: "3", quantity: "4", amount: "5" },
    },
  ];
  for (const options of cases) {
    const { typed, text } = await loadBoth(options);
    assertEquals(typed, text, JSON.stringify(options));
  }
  assert(await typedReads(`${FIXTURES}reference/cohorts_fixture/sales.csv`));
  // Month-first dates are read typed only when their order is given.
  assert(!await typedReads(`${FIXTURES}fixtures/invoices.csv`));
  assert(
    await typedReads(`${FIXTURES}fixtures/invoices.csv`, { dateFormat: "mdy" }),
  );
});

const HEADER = "date,category,amount,quantity,note";

/** Values the checked path reads, some of them in ways of its own. */
const ACCEPTED = [
  "2024-01-05,Books, 12.50 ,1,a",
  '2024-1-5,Books,"1,234.50",2,b',
  "2024-01-05 10:30,Books,$9.99,,c",
  "20240105,Books,1e3,+3,",
  "2024-01-05,,-0.5,-1,d",
  "2024-01-05,Books,1.00015,.5,e",
  "2024-01-05,Books,0.00005,00012,e",
  '2024-01-05,"Books, old",3,1,"quoted ""note"""',
  "2024-01-05,Books,3,1,a",
  "2024-01-05,Books,3,1,a",
];

Deno.test("the typed pass reads what the checked path reads, to the same values, duplicate lines counted alike", async () => {
  const files = { "sales.csv": [HEADER, ...ACCEPTED].join("\n") + "\n" };
  await withFiles(files, async (dir) => {
    assert(await typedReads(`${dir}/sales.csv`));
    const { typed, text } = await loadBoth({ path: `${dir}/sales.csv` });
    assertEquals(typed, text);
    assert(text.includes('"duplicateLines":1'), text);
  });
});

/** Lines the typed pass must leave to the checked path, each with its reason. */
const REFUSED: Record<string, string> = {
  "a trailing comma": "2024-01-05,Books,3,1,a,",
  "a NUL character": "2024-01-05,Books,3,1,a\u0000b",
  "a number ending in a point": "2024-01-05,Books,5.,1,a",
  "a number with an underscore": "2024-01-05,Books,1_000,1,a",
  "a number after a tab": "2024-01-05,Books,\t5,1,a",
  "not a number": "2024-01-05,Books,nan,1,a",
  "an infinite number": "2024-01-05,Books,1e309,1,a",
  "a number of 10^11": "2024-01-05,Books,100000000000,1,a",
  "an empty amount": "2024-01-05,Books,,1,a",
  "an empty date": ",Books,3,1,a",
  "a date after a tab": "\t2024-01-05,Books,3,1,a",
  "a date that does not exist": "2024-02-30,Books,3,1,a",
  "an implausible date": "0001-01-01,Books,3,1,a",
  "a day-first date": "28/02/2024,Books,3,1,a",
  "a blank line": "\n2024-01-05,Books,3,1,a",
  "a record over two lines": '2024-01-05,Books,3,1,"two\nlines"',
  "a missing field": "2024-01-05,Books,3,1",
  "a quote never closed": '2024-01-05,Books,3,1,"a',
};

Deno.test("the typed pass leaves every line it cannot vouch for to the checked path, whose message is unchanged", async () => {
  for (const [what, line] of Object.entries(REFUSED)) {
    const body = [HEADER, ACCEPTED[0], line, ACCEPTED[8]].join("\n") + "\n";
    await withFiles({ "sales.csv": body }, async (dir) => {
      const file = `${dir}/sales.csv`;
      assert(!await typedReads(file), `the typed pass refuses ${what}`);
      const outcome = async (typed: boolean) => {
        try {
          const { dataset, report } = await loadSource({ path: file, typed });
          closeDataset(dataset);
          return `loaded ${JSON.stringify(report)}`;
        } catch (error) {
          assert(error instanceof InputError, String(error));
          return error.message;
        }
      };
      const message = await outcome(true);
      assertEquals(message, await outcome(false), what);
      if (!/two\nlines|day-first|blank/.test(what + line)) {
        assert(message.includes("row 3"), `${what}: ${message}`);
      }
    });
  }
});

Deno.test("the typed pass is not tried on a file in another encoding or apart by whitespace", async () => {
  const latin = "date,category,amount\n2024-01-05,Caf\xe9,3\n";
  await withFiles({ "x.csv": "" }, async (dir) => {
    await Deno.writeFile(
      `${dir}/latin.csv`,
      Uint8Array.from(latin, (c) => c.charCodeAt(0)),
    );
    assert(!await typedReads(`${dir}/latin.csv`));
    const { typed, text } = await loadBoth({ path: `${dir}/latin.csv` });
    assertEquals(typed, text);
    assert(text.includes("Café"));
  });
});
