import { assertEquals } from "../assert.ts";
import { closeDataset, queryRows } from "../../src/source/dataset.ts";
import { loadSource } from "../../src/source/load_source.ts";
import { loadError, withFiles } from "./source_files.ts";

const sales = (...rows: string[]) => ({
  "sales.csv": "date,category,quantity,amount\n" + rows.join("\n") + "\n",
});

Deno.test("convertFields() refuses a number too large for a double, naming file, row, column and value", async () => {
  assertEquals(
    await loadError(
      sales("2024-01-01,Books,1,3", "2024-01-02,Books,1,1e309"),
      (d) => `${d}/sales.csv`,
    ),
    'Cannot read sales "DIR/sales.csv": row 3, column "amount": "1e309" is not a finite number',
  );
  assertEquals(
    await loadError(
      sales("2024-01-01,Books,-1e309,3"),
      (d) => `${d}/sales.csv`,
    ),
    'Cannot read sales "DIR/sales.csv": row 2, column "quantity": "-1e309" is not a finite number',
  );
});

Deno.test("convertFields() refuses a number too large for an exact decimal, and keeps amounts exact to four places", async () => {
  assertEquals(
    await loadError(
      sales("2024-01-01,Books,1,3", "2024-01-02,Books,1,-100000000000"),
      (d) => `${d}/sales.csv`,
    ),
    'Cannot read sales "DIR/sales.csv": row 3, column "amount": "-100000000000" is too large: numbers must be below 100,000,000,000 (10^11) in magnitude',
  );
  await withFiles(
    sales(
      "2024-01-01,Books,1,99999999999.99",
      "2024-01-02,Books,2,0.1",
      "2024-01-02,Books,2,0.2",
      "2024-01-03,Books,1,8270.925",
      "2024-01-03,Books,1,1.23456",
    ),
    async (dir) => {
      const { dataset } = await loadSource({ path: `${dir}/sales.csv` });
      try {
        assertEquals(
          await queryRows(
            dataset,
            "SELECT typeof(amount) AS type, amount::VARCHAR AS amount FROM sales ORDER BY rowid",
          ),
          [
            { type: "DECIMAL(18,4)", amount: "99999999999.9900" },
            { type: "DECIMAL(18,4)", amount: "0.1000" },
            { type: "DECIMAL(18,4)", amount: "0.2000" },
            { type: "DECIMAL(18,4)", amount: "8270.9250" },
            { type: "DECIMAL(18,4)", amount: "1.2346" },
          ],
        );
        // Exact: 0.1 + 0.2 is 0.3, not 0.30000000000000004.
        assertEquals(
          await queryRows(
            dataset,
            "SELECT sum(amount)::DOUBLE AS s FROM sales WHERE date = '2024-01-02'",
          ),
          [{ s: 0.3 }],
        );
      } finally {
        closeDataset(dataset);
      }
    },
  );
});

Deno.test("convertFields() refuses a real date outside 1900-01-01..2099-12-31 and says the rule", async () => {
  assertEquals(
    await loadError(
      sales("2010-12-01,Books,1,3", "0001-01-01,Books,1,3"),
      (d) => `${d}/sales.csv`,
    ),
    'Cannot read sales "DIR/sales.csv": row 3, column "date": "0001-01-01" is not a plausible date: Basket reads 1900-01-01 to 2099-12-31',
  );
  // Day-first dates are read through a lookup table: the same rule holds.
  assertEquals(
    await loadError(
      sales("13/12/2010,Books,1,3", "01/01/2100,Books,1,3"),
      (d) => `${d}/sales.csv`,
    ),
    'Cannot read sales "DIR/sales.csv": row 3, column "date": "01/01/2100" is not a plausible date: Basket reads 1900-01-01 to 2099-12-31',
  );
});

Deno.test("convertFields() holds birth dates to the same years", async () => {
  assertEquals(
    await loadError(
      {
        ...sales("2024-01-01,Books,1,3"),
        "customers.csv":
          "customer_id,birth_date\nC1,1980-05-06\nC2,1899-12-31\n",
      },
      (d) => d,
    ),
    'Cannot read customers "DIR/customers.csv": row 3, column "birth_date": "1899-12-31" is not a plausible date: Basket reads 1900-01-01 to 2099-12-31',
  );
});

Deno.test("convertFields() with onBadRows skip rejects non-finite numbers and implausible dates with their reasons", async () => {
  await withFiles(
    sales(
      "2024-01-01,Books,1,3",
      "0001-01-01,Books,1,3",
      "2024-01-02,Books,1,1e309",
      "2024-01-03,Books,2,4",
    ),
    async (dir) => {
      const { dataset, report } = await loadSource({
        path: `${dir}/sales.csv`,
        onBadRows: "skip",
      });
      assertEquals(report.rowsRejected, 2);
      assertEquals(
        await queryRows(
          dataset,
          "SELECT date, amount FROM sales ORDER BY date",
        ),
        [
          { date: "2024-01-01", amount: 3 },
          { date: "2024-01-03", amount: 4 },
        ],
      );
      assertEquals(
        await queryRows(
          dataset,
          'SELECT row, "column", value, reason FROM rejects ORDER BY row',
        ),
        [
          {
            row: 3,
            column: "date",
            value: "0001-01-01",
            reason:
              'column "date": "0001-01-01" is not a plausible date: Basket reads 1900-01-01 to 2099-12-31',
          },
          {
            row: 4,
            column: "amount",
            value: "1e309",
            reason: 'column "amount": "1e309" is not a finite number',
          },
        ],
      );
      closeDataset(dataset);
    },
  );
});

Deno.test("convertFields() reads Excel's two-digit years month first when a day above 12 says so", async () => {
  await withFiles(
    sales(
      "12/1/10 8:26,Books,1,3",
      "12/13/10 9:01,Books,1,4",
      "1/2/29,Books,1,5",
      "1/2/30,Books,1,6",
    ),
    async (dir) => {
      const { dataset, report } = await loadSource({
        path: `${dir}/sales.csv`,
      });
      assertEquals(report.dateOrders, { [`${dir}/sales.csv:date`]: "mdy" });
      assertEquals(
        (await queryRows(dataset, "SELECT date FROM sales ORDER BY amount"))
          .map((r) => r.date),
        ["2010-12-01", "2010-12-13", "2029-01-02", "1930-01-02"],
      );
      closeDataset(dataset);
    },
  );
});
