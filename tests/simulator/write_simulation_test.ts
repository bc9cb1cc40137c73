import { DuckDBInstance } from "@duckdb/node-api";
import { assertEquals, assertNotEquals, assertOk } from "../assert.ts";
import { CUSTOMER_COLUMNS } from "../../src/model/schema.ts";
import { SIMULATED_SALES_COLUMNS } from "../../src/simulator/format_csv.ts";
import { simulateRetail } from "../../src/simulator/simulate_retail.ts";
import { loadSource } from "../../src/source/load_source.ts";
import {
  type SimulationProgress,
  writeSimulation,
} from "../../src/simulator/write_simulation.ts";

const SMALL = { customers: 400, days: 30 };

async function inTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await Deno.makeTempDir({ prefix: "basket-sim-" });
  try {
    return await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Runs queries in a fresh DuckDB and returns the first row of each. */
async function duck(sqls: string[]): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const rows: Record<string, unknown>[] = [];
    for (const sql of sqls) {
      const reader = await connection.runAndReadAll(sql);
      const [row] = reader.getRowObjectsJS();
      rows.push(
        Object.fromEntries(
          Object.entries(row).map((
            [k, v],
          ) => [k, typeof v === "bigint" ? Number(v) : v]),
        ),
      );
    }
    return rows;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const firstLine = async (path: string) =>
  (await Deno.readTextFile(path)).split("\n", 1)[0];

Deno.test("writeSimulation() writes the same bytes for the same seed and different bytes for another", async () => {
  await inTempDir(async (dir) => {
    await writeSimulation(simulateRetail({ ...SMALL, seed: 3 }), {
      out: `${dir}/a`,
    });
    await writeSimulation(simulateRetail({ ...SMALL, seed: 3 }), {
      out: `${dir}/b`,
    });
    await writeSimulation(simulateRetail({ ...SMALL, seed: 4 }), {
      out: `${dir}/c`,
    });
    for (const file of ["sales.csv", "customers.csv"]) {
      const [a, b, c] = await Promise.all(
        ["a", "b", "c"].map((d) => Deno.readFile(`${dir}/${d}/${file}`)),
      );
      assertEquals(a, b, file);
      assertNotEquals(a, c, file);
    }
  });
});

Deno.test("writeSimulation() writes the data model's columns in order, and DuckDB reads back every line", async () => {
  await inTempDir(async (dir) => {
    const result = await writeSimulation(simulateRetail(SMALL), { out: dir });
    assertEquals(result.files, [`${dir}/sales.csv`, `${dir}/customers.csv`]);
    assertEquals(
      await firstLine(`${dir}/sales.csv`),
      SIMULATED_SALES_COLUMNS.map((c) => c.name).join(","),
    );
    assertEquals(
      await firstLine(`${dir}/customers.csv`),
      CUSTOMER_COLUMNS.map((c) => c.name).join(","),
    );
    assertEquals([...Deno.readDirSync(dir)].map((e) => e.name).sort(), [
      "customers.csv",
      "sales.csv",
    ]);
    const [sales, customers] = await duck([
      `SELECT count(*) AS n, count(customer_id) AS known, count(gallons) AS fuel,
         min(date)::VARCHAR AS first, typeof(min(date)) AS type
       FROM read_csv('${dir}/sales.csv')`,
      `SELECT count(*) AS n FROM read_csv('${dir}/customers.csv')`,
    ]);
    assertEquals(sales.n, result.lines);
    assertEquals(result.rows, result.lines);
    assertEquals(customers.n, 400);
    assertEquals(result.customers, 400);
    assertOk(
      (sales.known as number) < result.lines,
      "anonymous lines have no customer id",
    );
    assertOk(
      (sales.fuel as number) > 0 && (sales.fuel as number) < result.lines,
    );
    assertEquals([sales.first, sales.type], ["2025-09-01", "DATE"]);
  });
});

Deno.test("writeSimulation() in the store-sales layout sums to the same totals as the basket layout", async () => {
  await inTempDir(async (dir) => {
    const basket = await writeSimulation(simulateRetail(SMALL), {
      out: `${dir}/basket`,
    });
    const summed = await writeSimulation(simulateRetail(SMALL), {
      out: `${dir}/summed`,
      layout: "store-sales",
    });
    assertEquals(summed.files, [`${dir}/summed/store_sales.csv`]);
    assertEquals(summed.lines, basket.lines);
    assertEquals(summed.customers, 0);
    assertEquals(
      await firstLine(`${dir}/summed/store_sales.csv`),
      "store_id,sales_date,product_category,department,sales_amount,gallons_sold,fuel_type,fuel_price",
    );
    const [lines, rows] = await duck([
      `SELECT sum(round(amount * 100))::BIGINT AS cents, sum(round(gallons * 1000))::BIGINT AS milli,
         count(DISTINCT (store, date, category, department, fuel_type)) AS groups
       FROM read_csv('${dir}/basket/sales.csv')`,
      `SELECT sum(round(sales_amount * 100))::BIGINT AS cents, sum(round(gallons_sold * 1000))::BIGINT AS milli,
         count(*) AS groups, count(*) FILTER (WHERE product_category = 'Fuel' AND fuel_price IS NULL) AS unpriced
       FROM read_csv('${dir}/summed/store_sales.csv')`,
    ]);
    assertEquals([rows.cents, rows.milli, rows.groups], [
      lines.cents,
      lines.milli,
      lines.groups,
    ]);
    assertEquals(rows.groups, summed.rows);
    assertEquals(rows.unpriced, 0);
  });
});

Deno.test("writeSimulation() writes Parquet with the data model's types and every line", async () => {
  await inTempDir(async (dir) => {
    const result = await writeSimulation(simulateRetail(SMALL), {
      out: dir,
      format: "parquet",
    });
    assertEquals(result.files, [
      `${dir}/sales.parquet`,
      `${dir}/customers.parquet`,
    ]);
    assertEquals([...Deno.readDirSync(dir)].map((e) => e.name).sort(), [
      "customers.parquet",
      "sales.parquet",
    ]);
    const [sales, customers] = await duck([
      `SELECT count(*) AS n, typeof(any_value(date)) AS date, typeof(any_value(amount)) AS amount
       FROM read_parquet('${dir}/sales.parquet')`,
      `SELECT count(*) AS n, typeof(any_value(birth_date)) AS birth FROM read_parquet('${dir}/customers.parquet')`,
    ]);
    assertEquals(sales, { n: result.lines, date: "DATE", amount: "DOUBLE" });
    assertEquals(customers, { n: 400, birth: "DATE" });
  });
});

Deno.test("writeSimulation() output loads through loadSource in both layouts", async () => {
  await inTempDir(async (dir) => {
    const basket = await writeSimulation(simulateRetail(SMALL), {
      out: `${dir}/basket`,
    });
    await writeSimulation(simulateRetail(SMALL), {
      out: `${dir}/summed`,
      layout: "store-sales",
    });
    const a = await loadSource({ path: `${dir}/basket` });
    const b = await loadSource({ path: `${dir}/summed/store_sales.csv` });
    try {
      assertEquals([a.report.kind, a.report.rowsRead, a.report.rowsRejected], [
        "basket",
        basket.lines,
        0,
      ]);
      assertOk(a.dataset.hasCustomers);
      assertEquals([b.report.kind, b.report.rowsRejected], ["store-sales", 0]);
    } finally {
      a.dataset.connection.closeSync();
      b.dataset.connection.closeSync();
    }
  });
});

Deno.test("writeSimulation() reports progress day by day up to the whole window", async () => {
  await inTempDir(async (dir) => {
    const seen: SimulationProgress[] = [];
    const result = await writeSimulation(simulateRetail(SMALL), {
      out: dir,
      onProgress: (p) => seen.push({ ...p }),
      now: (() => {
        let t = 0;
        return () => (t += 250);
      })(),
    });
    assertOk(seen.length >= 30, `${seen.length} reports`);
    assertOk(
      seen.every((p, i) =>
        i === 0 || p.day >= seen[i - 1].day && p.lines >= seen[i - 1].lines
      ),
    );
    assertEquals(seen.at(-1), {
      phase: "writing",
      day: 30,
      days: 30,
      lines: result.lines,
    });
    assertEquals(result.seconds, 0.25);
  });
});
