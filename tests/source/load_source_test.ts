import { assertEquals, assertRejects } from "../assert.ts";
import { closeDataset, queryRows } from "../../src/source/dataset.ts";
import { InputError } from "../../src/model/input_error.ts";
import {
  loadSource,
  type LoadSourceOptions,
} from "../../src/source/load_source.ts";

const KAGGLE =
  new URL("../../../shared/datasets/retail-kaggle/", import.meta.url).pathname;

async function withFiles<T>(
  files: Record<string, string>,
  fn: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = await Deno.makeTempDir({ prefix: "basket-load-" });
  try {
    for (const [name, text] of Object.entries(files)) {
      await Deno.writeTextFile(`${dir}/${name}`, text);
    }
    return await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function loadError(
  files: Record<string, string>,
  path: (dir: string) => string,
  options: Partial<LoadSourceOptions> = {},
) {
  return await withFiles(files, async (dir) => {
    const error = await assertRejects(
      () => loadSource({ path: path(dir), ...options }),
      InputError,
    );
    return error.message.replaceAll(dir, "DIR");
  });
}

Deno.test("loadSource() reads the real three-file data set with its counts and returns", async () => {
  const { dataset, report } = await loadSource({ path: KAGGLE });
  const [row] = await queryRows<Record<string, number | string>>(
    dataset,
    `SELECT count(*) AS lines, count(*) FILTER (WHERE amount < 0) AS returns, min(date) AS "from", max(date) AS "to",
            count(*) FILTER (WHERE category IS NULL) AS uncategorised, round(sum(amount), 2) AS total
     FROM sales`,
  );
  assertEquals(row, {
    lines: 23053,
    returns: 2177,
    from: "2011-01-25",
    to: "2014-02-28",
    uncategorised: 0,
    total: 48579771.37,
  });
  const [customers] = await queryRows<{ n: number }>(
    dataset,
    "SELECT count(*) AS n FROM customers",
  );
  assertEquals(customers.n, 5647);
  assertEquals(report.kind, "three-file");
  assertEquals(report.rowsRead, 23053);
  assertEquals(report.rowsRejected, 0);
  assertEquals(report.duplicateLines, 13);
  assertEquals(Object.values(report.dateOrders), ["dmy", "dmy"]);
  const [feb] = await queryRows<{ n: number }>(
    dataset,
    "SELECT count(*) AS n FROM sales WHERE transaction_id = '12323853707' AND date = '2014-02-12'",
  );
  assertEquals(
    feb.n,
    1,
    "12/2/2014 is read day first, like the file's 28-02-2014",
  );
  closeDataset(dataset);
});

const SHOP =
  `InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
536365,85123A,WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom
536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom
C536379,D,Discount,-1,12/13/2010 9:41,27.50,14527,United Kingdom
536370,22728,ALARM CLOCK,24,12/1/2010 8:45,3.75,12583,France
`;

Deno.test("loadSource() reads another retailer's CSV through a column mapping, amount = quantity × unit price", async () => {
  await withFiles({ "shop.csv": SHOP }, async (dir) => {
    const { dataset, report } = await loadSource({
      path: `${dir}/shop.csv`,
      map: {
        date: "InvoiceDate",
        customer_id: "CustomerID",
        transaction_id: "InvoiceNo",
        quantity: "Quantity",
        unit_price: "UnitPrice",
        region: "Country",
        sub_category: "Description",
      },
    });
    assertEquals(report.kind, "mapped");
    assertEquals(report.dateOrders[`${dir}/shop.csv:InvoiceDate`], "mdy");
    const rows = await queryRows(
      dataset,
      "SELECT date, region, category, customer_id, transaction_id, round(amount, 2) AS amount FROM sales",
    );
    assertEquals(rows, [
      {
        date: "2010-12-01",
        region: "United Kingdom",
        category: "Uncategorised",
        customer_id: "17850",
        transaction_id: "536365",
        amount: 15.3,
      },
      {
        date: "2010-12-01",
        region: "United Kingdom",
        category: "Uncategorised",
        customer_id: "17850",
        transaction_id: "536365",
        amount: 20.34,
      },
      {
        date: "2010-12-13",
        region: "United Kingdom",
        category: "Uncategorised",
        customer_id: "14527",
        transaction_id: "C536379",
        amount: -27.5,
      },
      {
        date: "2010-12-01",
        region: "France",
        category: "Uncategorised",
        customer_id: "12583",
        transaction_id: "536370",
        amount: 90,
      },
    ]);
    closeDataset(dataset);
  });
});

Deno.test("loadSource() recognises the store-sales layout with untidy header names", async () => {
  const csv =
    ` Store ID ,Sales Date,Product Category,Department,Sales Amount,Gallons Sold,Fuel Type,Fuel Price
S01,2024-03-01,Fuel,Sales,40.00,10,Gasoline,4.00
S01,2024-03-01,Books,Sales,25.5,,,
S01,2024-03-01,Books,Sales,25.5,,,
`;
  await withFiles({ "store_sales.csv": csv }, async (dir) => {
    const { dataset, report } = await loadSource({
      path: `${dir}/store_sales.csv`,
    });
    assertEquals(report.kind, "store-sales");
    assertEquals(report.duplicateLines, 1);
    const rows = await queryRows(
      dataset,
      "SELECT store, category, amount, gallons, fuel_type, fuel_price FROM sales",
    );
    assertEquals(rows, [
      {
        store: "S01",
        category: "Fuel",
        amount: 40,
        gallons: 10,
        fuel_type: "Gasoline",
        fuel_price: 4,
      },
      {
        store: "S01",
        category: "Books",
        amount: 25.5,
        gallons: null,
        fuel_type: null,
        fuel_price: null,
      },
      {
        store: "S01",
        category: "Books",
        amount: 25.5,
        gallons: null,
        fuel_type: null,
        fuel_price: null,
      },
    ]);
    closeDataset(dataset);
  });
});

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

Deno.test("loadSource() names a mapped column the file does not have", async () => {
  assertEquals(
    await loadError({ "shop.csv": SHOP }, (d) => `${d}/shop.csv`, {
      map: { date: "InvoiceDate", amount: "Total" },
    }),
    'Cannot read sales "DIR/shop.csv": row 1, column "Total": is mapped to amount but is not in the file; its columns are "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"',
  );
});

Deno.test("loadSource() refuses columns that match no layout and points to --map", async () => {
  assertEquals(
    await loadError({ "shop.csv": SHOP }, (d) => `${d}/shop.csv`),
    'Cannot read sales "DIR/shop.csv": row 1: the columns "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country" match no layout Basket knows; map them with --map field=Column (see docs/data.md)',
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

Deno.test("loadSource() reads Basket's own folder layout with its customers", async () => {
  const sales =
    "date,store,city,region,channel,department,category,sub_category,customer_id,transaction_id,quantity,amount,gallons,fuel_type,fuel_price\n" +
    "2024-01-01,S1,Dallas,South,Flagship store,Sales,Books,Fiction,C1,T1,1,12.5,,,\n";
  const customers =
    "customer_id,birth_date,gender,city\nC1,1980-05-06,F,Dallas\n";
  await withFiles(
    { "sales.csv": sales, "customers.csv": customers },
    async (dir) => {
      const { dataset, report } = await loadSource({ path: dir });
      assertEquals(report.kind, "basket");
      assertEquals(dataset.hasCustomers, true);
      assertEquals(await queryRows(dataset, "SELECT * FROM customers"), [
        {
          customer_id: "C1",
          birth_date: "1980-05-06",
          gender: "F",
          city: "Dallas",
        },
      ]);
      assertEquals(
        (await queryRows(
          dataset,
          "SELECT sub_category, customer_id FROM sales",
        ))[0],
        { sub_category: "Fiction", customer_id: "C1" },
      );
      closeDataset(dataset);
    },
  );
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
