import { assertEquals } from "../../assert.ts";
import { closeDataset, queryRows } from "../../../src/source/dataset.ts";
import { loadSource } from "../../../src/source/load_source.ts";
import { KAGGLE } from "../source_files.ts";

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
