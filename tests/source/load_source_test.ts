import { assertEquals } from "../assert.ts";
import { closeDataset, queryRows } from "../../src/source/dataset.ts";
import { loadSource } from "../../src/source/load_source.ts";
import { loadError, withFiles } from "./source_files.ts";

const HEADER =
  "transaction_id,cust_id,tran_date,prod_subcat_code,prod_cat_code,Qty,Rate,Tax,total_amt,Store_type\n";
const CATEGORIES =
  "prod_cat_code,prod_cat,prod_sub_cat_code,prod_subcat\n1,Clothing,4,Mens\n";
const CUSTOMERS = "customer_Id,DOB,Gender,city_code\n1,25-01-1970,M,4\n";
const threeFile = (transactions: string) => ({
  "Transactions.csv": HEADER + transactions,
  "prod_cat_info.csv": CATEGORIES,
  "Customer.csv": CUSTOMERS,
});

Deno.test("loadSource() names the file, row, column and value of a date that does not exist", async () => {
  assertEquals(
    await loadError(
      threeFile(
        "9,1,28-02-2014,4,1,1,10,1,11,e-Shop\n9,1,31-02-2014,4,1,1,10,1,11,e-Shop\n",
      ),
      (d) => d,
    ),
    'Cannot read transactions "DIR/Transactions.csv": row 3, column "tran_date": "31-02-2014" is not a date',
  );
});

Deno.test("loadSource() names the row and value of an unreadable number", async () => {
  assertEquals(
    await loadError(
      threeFile(
        "9,1,28-02-2014,4,1,1,10,1,11,e-Shop\n9,1,27-02-2014,4,1,two,10,1,11,e-Shop\n",
      ),
      (d) => d,
    ),
    'Cannot read transactions "DIR/Transactions.csv": row 3, column "Qty": "two" is not a number',
  );
});

Deno.test("loadSource() says when a required value is empty", async () => {
  assertEquals(
    await loadError(threeFile("9,1,28-02-2014,4,1,1,10,1,,e-Shop\n"), (d) => d),
    'Cannot read transactions "DIR/Transactions.csv": row 2, column "total_amt": "" is empty',
  );
});

Deno.test("loadSource() refuses a category code that prod_cat_info.csv does not define", async () => {
  assertEquals(
    await loadError(
      threeFile("9,1,28-02-2014,4,7,1,10,1,11,e-Shop\n"),
      (d) => d,
    ),
    'Cannot read transactions "DIR/Transactions.csv": row 2, column "prod_cat_code": "7" is not a category code in prod_cat_info.csv',
  );
});

Deno.test("loadSource() asks for --date-format when every date could be day or month first", async () => {
  assertEquals(
    await loadError(
      threeFile(
        "9,1,01/02/2014,4,1,1,10,1,11,e-Shop\n9,1,03/04/2014,4,1,1,10,1,11,e-Shop\n",
      ),
      (d) => d,
    ),
    'Cannot read transactions "DIR/Transactions.csv": column "tran_date": dates are ambiguous: no day or month is above 12, so they could be dd/mm/yyyy or mm/dd/yyyy; pass --date-format dmy or --date-format mdy',
  );
  const files = {
    ...threeFile("9,1,01/02/2014,4,1,1,10,1,11,e-Shop\n"),
    "Customer.csv": "customer_Id,DOB,Gender,city_code\n1,01-25-1970,M,4\n",
  };
  await withFiles(files, async (dir) => {
    const { dataset } = await loadSource({ path: dir, dateFormat: "mdy" });
    assertEquals(await queryRows(dataset, "SELECT date FROM sales"), [{
      date: "2014-01-02",
    }]);
    closeDataset(dataset);
  });
});

Deno.test("loadSource() refuses a file that writes dates both day first and month first", async () => {
  assertEquals(
    await loadError(
      threeFile(
        "9,1,13/01/2014,4,1,1,10,1,11,e-Shop\n9,1,01/13/2014,4,1,1,10,1,11,e-Shop\n",
      ),
      (d) => d,
    ),
    'Cannot read transactions "DIR/Transactions.csv": column "tran_date": dates are written both day first ("13/01/2014") and month first ("01/13/2014"); make them consistent, or pass --date-format dmy or mdy to read them one way',
  );
});

Deno.test("loadSource() lists the columns a file lacks", async () => {
  assertEquals(
    await loadError({
      ...threeFile(""),
      "Transactions.csv": "transaction_id,cust_id,tran_date\n1,2,28-02-2014\n",
    }, (d) => d),
    'Cannot read transactions "DIR/Transactions.csv": row 1: the header lacks columns "prod_subcat_code", "prod_cat_code", "qty", "total_amt", "store_type"; it has "transaction_id", "cust_id", "tran_date"',
  );
});

Deno.test("loadSource() refuses an empty file and a header without rows", async () => {
  assertEquals(
    await loadError({ "sales.csv": "" }, (d) => `${d}/sales.csv`),
    'Cannot read sales "DIR/sales.csv": is empty',
  );
  assertEquals(
    await loadError(
      { "sales.csv": "date,category,amount\n" },
      (d) => `${d}/sales.csv`,
    ),
    'Cannot read sales "DIR/sales.csv": has a header but no rows',
  );
});

Deno.test("loadSource() names the line that has the wrong number of fields", async () => {
  assertEquals(
    await loadError({
      "sales.csv":
        "date,category,amount\n2024-01-01,Books,3\n2024-01-02,Books\n",
    }, (d) => `${d}/sales.csv`),
    'Cannot read sales "DIR/sales.csv": row 3: has 2 fields where the header has 3',
  );
});

Deno.test("loadSource() with onBadRows skip keeps good rows and records every rejected row with its reason", async () => {
  const csv =
    "date,category,amount\n2024-01-01,Books,3\n2024-02-30,Books,4\n2024-01-03,Books,x\n2024-01-04,Books\n2024-01-05,Toys,-2\n";
  await withFiles({ "sales.csv": csv }, async (dir) => {
    const { dataset, report } = await loadSource({
      path: `${dir}/sales.csv`,
      onBadRows: "skip",
    });
    assertEquals(
      await queryRows(
        dataset,
        "SELECT date, category, amount FROM sales ORDER BY date",
      ),
      [
        { date: "2024-01-01", category: "Books", amount: 3 },
        { date: "2024-01-05", category: "Toys", amount: -2 },
      ],
    );
    assertEquals(report.rowsRejected, 3);
    assertEquals(
      report.rowsRead + report.rowsRejected,
      5,
      "rows read plus rows rejected are the file's data lines",
    );
    const rejects = await queryRows(
      dataset,
      `SELECT row, "column", value, reason FROM rejects ORDER BY row`,
    );
    assertEquals(
      rejects.map((r) => ({ ...r, reason: String(r.reason).split(":")[0] })),
      [
        {
          row: 3,
          column: "date",
          value: "2024-02-30",
          reason: 'column "date"',
        },
        { row: 4, column: "amount", value: "x", reason: 'column "amount"' },
        {
          row: 5,
          column: null,
          value: "2024-01-04,Books",
          reason: "is not a well-formed row",
        },
      ],
    );
    closeDataset(dataset);
  });
});

const BASKET_HEADER =
  "date,store,city,region,channel,department,category,sub_category,customer_id,transaction_id,quantity,amount,gallons,fuel_type,fuel_price\n";

/** `lines` sale lines in Basket's layout, the i-th with transaction `T<i>` and amount i / 100. */
function basketLines(lines: number, bad?: { at: number; amount: string }) {
  const out: string[] = [BASKET_HEADER];
  for (let i = 1; i <= lines; i++) {
    const amount = bad?.at === i ? bad.amount : (i / 100).toFixed(2);
    out.push(
      `2024-01-${String(1 + i % 28).padStart(2, "0")},S${
        i % 7
      },Dallas,South,Mall store,Sales,Books,Fiction,C${
        i % 501
      },T${i},1,${amount},,,\n`,
    );
  }
  return out.join("");
}

Deno.test("loadSource() keeps the lines of a large file in file order and names the right line deep inside it", async () => {
  const lines = 150_000;
  await withFiles({ "sales.csv": basketLines(lines) }, async (dir) => {
    const { dataset } = await loadSource({ path: dir });
    const [row] = await queryRows<{ n: number; ordered: number }>(
      dataset,
      `SELECT count(*) AS n, count(*) FILTER (WHERE transaction_id = 'T' || (rowid + 1)) AS ordered FROM sales`,
    );
    assertEquals(row, { n: lines, ordered: lines });
    closeDataset(dataset);
  });
  assertEquals(
    await loadError(
      { "sales.csv": basketLines(lines, { at: 134_321, amount: "12.5.0" }) },
      (d) => d,
    ),
    'Cannot read sales "DIR/sales.csv": row 134322, column "amount": "12.5.0" is not a number',
  );
});

Deno.test("loadSource() leaves only the data model's tables when it is done", async () => {
  await withFiles(
    {
      "sales.csv": basketLines(50),
      "customers.csv":
        "customer_id,birth_date,gender,city\nC1,1980-05-06,F,Dallas\n",
    },
    async (dir) => {
      const { dataset } = await loadSource({ path: dir });
      assertEquals(
        await queryRows(
          dataset,
          `SELECT table_name AS name FROM duckdb_tables() WHERE NOT internal
           UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal
           ORDER BY name`,
        ),
        [{ name: "customers" }, { name: "rejects" }, { name: "sales" }],
      );
      closeDataset(dataset);
    },
  );
});

Deno.test("loadSource() reads ISO dates with or without leading zeros and times, and names one that does not exist", async () => {
  const line = (date: string, t: string) =>
    `${date},S1,Dallas,South,Mall store,Sales,Books,Fiction,C1,${t},1,2.5,,,\n`;
  await withFiles(
    {
      "sales.csv": BASKET_HEADER + line("2024-1-5", "T1") +
        line(" 2024-01-06 ", "T2") + line("2024-01-07T10:30:00", "T3") +
        line("2024-02-29", "T4"),
    },
    async (dir) => {
      const { dataset, report } = await loadSource({ path: dir });
      assertEquals(
        (await queryRows<{ date: string }>(dataset, "SELECT date FROM sales"))
          .map((r) => r.date),
        ["2024-01-05", "2024-01-06", "2024-01-07", "2024-02-29"],
      );
      assertEquals(Object.values(report.dateOrders), ["iso"]);
      closeDataset(dataset);
    },
  );
  assertEquals(
    await loadError(
      {
        "sales.csv": BASKET_HEADER + line("2024-01-05", "T1") +
          line("2023-02-29", "T2"),
      },
      (d) => d,
    ),
    'Cannot read sales "DIR/sales.csv": row 3, column "date": "2023-02-29" is not a date',
  );
});
