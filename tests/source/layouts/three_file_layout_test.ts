import { assertEquals } from "../../assert.ts";
import { closeDataset, queryRows } from "../../../src/source/dataset.ts";
import { loadSource } from "../../../src/source/load_source.ts";
import { KAGGLE, loadError, withFiles } from "../source_files.ts";

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

/** A small three-file data set; each file's lines after its header. */
function threeFiles(
  extra: {
    categories?: string[];
    customers?: string[];
    transactions?: string[];
  } = {},
): Record<string, string> {
  const file = (header: string, lines: string[]) =>
    [header, ...lines].join("\r\n") + "\r\n";
  return {
    "prod_cat_info.csv": file(
      "prod_cat_code,prod_cat,prod_sub_cat_code,prod_subcat",
      [
        "1,Clothing,4,Mens",
        "1,Clothing,1,Women",
        "2,Books,4,Comics",
        ...(extra.categories ?? []),
      ],
    ),
    "Customer.csv": file("customer_Id,DOB,Gender,city_code", [
      "100,21-01-1980,M,4",
      "101,22-02-1990,F,5",
      ...(extra.customers ?? []),
    ]),
    "Transactions.csv": file(
      "transaction_id,cust_id,tran_date,prod_subcat_code,prod_cat_code,Qty,Rate,Tax,total_amt,Store_type",
      [
        "t1,100,21-03-2014,4,1,1,10,0,10.50,e-Shop",
        "t2,101,02-03-2014,1,1,2,20,0,40.25,TeleShop",
        "t3,100,03-03-2014,4,2,1,5,0,5.00,e-Shop",
        ...(extra.transactions ?? []),
      ],
    ),
  };
}

async function loadTotals(files: Record<string, string>) {
  return await withFiles(files, async (dir) => {
    const { dataset, report } = await loadSource({ path: dir });
    try {
      const rows = await queryRows<
        { lines: number; total: number; customers: number }
      >(
        dataset,
        `SELECT count(*)::INTEGER AS lines, round(sum(amount), 2) AS total,
           (SELECT count(*) FROM customers)::INTEGER AS customers FROM sales`,
      );
      const labels = await queryRows<
        { transaction_id: string; region: string; sub_category: string }
      >(
        dataset,
        "SELECT transaction_id, region, sub_category FROM sales ORDER BY transaction_id",
      );
      return {
        ...rows[0],
        labels,
        lookups: report.lookups.map((l) => ({
          ...l,
          file: l.file.split("/").pop(),
        })),
      };
    } finally {
      closeDataset(dataset);
    }
  });
}

Deno.test("loadSource() drops a lookup row repeated exactly, counts it, and never multiplies sale lines", async () => {
  const loaded = await loadTotals(
    threeFiles({
      categories: ["1,Clothing,4,Mens"],
      customers: ["100,21-01-1980,M,4"],
    }),
  );
  assertEquals(
    { lines: loaded.lines, total: loaded.total, customers: loaded.customers },
    { lines: 3, total: 55.75, customers: 2 },
  );
  assertEquals(loaded.lookups, [
    {
      what: "product categories",
      file: "prod_cat_info.csv",
      repeatedRows: 1,
      unmatchedLines: 0,
      field: "sub_category",
    },
    {
      what: "customers",
      file: "Customer.csv",
      repeatedRows: 1,
      unmatchedLines: 0,
      field: "region",
    },
  ]);
});

Deno.test("loadSource() stops when a category code is given a second name, naming both rows and the code", async () => {
  assertEquals(
    await loadError(
      threeFiles({ categories: ["1,Clothes,9,Extra"] }),
      (d) => d,
    ),
    'Cannot read product categories "DIR/prod_cat_info.csv": rows 2 and 5 both define prod_cat_code "1", differently: prod_cat "Clothing" against prod_cat "Clothes"',
  );
});

Deno.test("loadSource() stops when a sub-category code is given a second name within its category", async () => {
  assertEquals(
    await loadError(threeFiles({ categories: ["2,Books,4,Novels"] }), (d) => d),
    'Cannot read product categories "DIR/prod_cat_info.csv": rows 4 and 5 both define prod_cat_code "2", prod_sub_cat_code "4", differently: prod_cat "Books", prod_subcat "Comics" against prod_cat "Books", prod_subcat "Novels"',
  );
});

Deno.test("loadSource() stops when a customer is listed twice with different details", async () => {
  assertEquals(
    await loadError(
      threeFiles({ customers: ["101,22-02-1990,M,5"] }),
      (d) => d,
    ),
    'Cannot read customers "DIR/Customer.csv": rows 3 and 4 both define customer_Id "101", differently: DOB "1990-02-22", Gender "F", city_code "5" against DOB "1990-02-22", Gender "M", city_code "5"',
  );
});

Deno.test("loadSource() keeps a sale line whose customer or sub-category its lookup lacks, labelled unknown and counted", async () => {
  const loaded = await loadTotals(threeFiles({
    transactions: [
      "t4,999,04-03-2014,4,1,1,7,0,7.00,e-Shop",
      "t5,100,05-03-2014,8,2,1,3,0,3.00,e-Shop",
      "t6,,06-03-2014,4,1,1,1,0,1.00,e-Shop",
    ],
  }));
  assertEquals({ lines: loaded.lines, total: loaded.total }, {
    lines: 6,
    total: 66.75,
  });
  assertEquals(loaded.labels.slice(3), [
    { transaction_id: "t4", region: "(unknown)", sub_category: "Mens" },
    { transaction_id: "t5", region: "City 4", sub_category: "(unknown)" },
    {
      transaction_id: "t6",
      region: null as unknown as string,
      sub_category: "Mens",
    },
  ]);
  assertEquals(loaded.lookups.map((l) => l.unmatchedLines), [1, 1]);
});

Deno.test("report on the real data set with a repeated lookup line gives exactly 48,579,771.37", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-kaggle-" });
  try {
    for (const name of ["Transactions.csv", "Customer.csv"]) {
      await Deno.copyFile(`${KAGGLE}/${name}`, `${dir}/${name}`);
    }
    const lines = (await Deno.readTextFile(`${KAGGLE}/prod_cat_info.csv`))
      .split("\r\n");
    lines.splice(2, 0, lines[1]);
    await Deno.writeTextFile(`${dir}/prod_cat_info.csv`, lines.join("\r\n"));
    const { dataset, report } = await loadSource({ path: dir });
    const [row] = await queryRows<{ lines: number; total: number }>(
      dataset,
      "SELECT count(*)::INTEGER AS lines, round(sum(amount), 2) AS total FROM sales",
    );
    closeDataset(dataset);
    assertEquals(row, { lines: 23053, total: 48579771.37 });
    assertEquals(report.lookups[0].repeatedRows, 1);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
