/**
 * openWarehouse() on a server of the test's own: bad input from the
 * warehouse stops with the same kind of message as a bad file (the table,
 * the column, a sample key), and the read-only role docs/warehouse.md
 * grants is enough.
 */
import { openWarehouse } from "../../../src/source/warehouse/open_warehouse.ts";
import { closeDataset, queryRows } from "../../../src/source/dataset.ts";
import { InputError } from "../../../src/model/input_error.ts";
import { dataSummary } from "../../../src/source/data_summary.ts";
import { assertEquals, assertOk, assertRejects } from "../../assert.ts";
import { startPostgres } from "./pg_server.ts";

const TX = `CREATE TABLE tx (
  tx_id text, tx_date date, shop text, cat text, amt numeric(12, 2),
  amount_text text, qty integer, day_text text)`;

Deno.test({
  name:
    "openWarehouse() names the table, the column and a sample key when the warehouse's data is wrong",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async (t) => {
    const server = await startPostgres();
    const url = server.url;
    const map = {
      date: "tx_date",
      store: "shop",
      category: "cat",
      amount: "amt",
      transaction_id: "tx_id",
    };
    try {
      await server.sql(TX);
      await server.sql(`INSERT INTO tx VALUES
        ('T1', '2024-01-02', 'S1', 'Books', 12.50, '12,50', 1, '02/01/2024'),
        ('T2', '2024-01-03', 'S1', 'Toys', -3.25, 'x', 2, '03/01/2024'),
        ('T3', '2024-01-03', 'S2', NULL, 7, '7', 1, '03/01/2024')`);

      await t.step(
        "a table that is there reads, mapped like a CSV",
        async () => {
          const { dataset, report } = await openWarehouse({
            url,
            table: "tx",
            map,
          });
          try {
            assertEquals(report.kind, "warehouse");
            assertEquals(report.rowsRead, 3);
            assertEquals(report.path, url);
            const summary = await dataSummary(dataset);
            assertEquals(summary.lines, 3);
            assertEquals(summary.stores, 2);
            assertEquals(summary.returns, { lines: 1, amount: -3.25 });
            assertEquals(summary.from, "2024-01-02");
            const rows = await queryRows<{ category: string }>(
              dataset,
              "SELECT category FROM sales ORDER BY category",
            );
            assertEquals(rows.map((r) => r.category), [
              "Books",
              "Toys",
              "Uncategorised",
            ]);
          } finally {
            closeDataset(dataset);
          }
        },
      );

      await t.step("a query reads as a table does", async () => {
        const { report } = await openWarehouse({
          url,
          query: "SELECT * FROM tx WHERE shop = 'S1'",
          map,
        }).then((loaded) => {
          closeDataset(loaded.dataset);
          return loaded;
        });
        assertEquals(report.rowsRead, 2);
      });

      await t.step("a missing table", async () => {
        const error = await assertRejects(
          () => openWarehouse({ url, table: "public.txx", map }),
          InputError,
        );
        assertEquals(
          error.message,
          'Cannot read sales table "public.txx": does not exist',
        );
      });

      await t.step("a missing column, with the one meant", async () => {
        const error = await assertRejects(
          () =>
            openWarehouse({
              url,
              table: "tx",
              map: { ...map, amount: "amnt" },
            }),
          InputError,
        );
        assertOk(
          error.message.startsWith(
            'Cannot read sales table "tx": column "amnt": is mapped to amount but is not in the table (did you mean "amt"?)',
          ),
          error.message,
        );
      });

      await t.step("a text column where a number is needed", async () => {
        const error = await assertRejects(
          () =>
            openWarehouse({
              url,
              table: "tx",
              map: { ...map, amount: "amount_text" },
            }),
          InputError,
        );
        assertEquals(
          error.message,
          'Cannot read sales table "tx": column "amount_text": is of type text, which cannot hold amount: a numeric column (integer, numeric, real, double precision) is needed',
        );
      });

      await t.step("a text column where a date is needed", async () => {
        const error = await assertRejects(
          () =>
            openWarehouse({
              url,
              table: "tx",
              map: { ...map, date: "day_text" },
            }),
          InputError,
        );
        assertOk(
          error.message.includes(
            'column "day_text": is of type text, which cannot hold date',
          ),
          error.message,
        );
      });

      await t.step(
        "NULLs where a value is needed, with a sample key",
        async () => {
          await server.sql(
            "INSERT INTO tx VALUES ('T9', '2024-01-04', 'S2', 'Toys', NULL, '', 1, '')",
          );
          const error = await assertRejects(
            () => openWarehouse({ url, table: "tx", map }),
            InputError,
          );
          assertEquals(
            error.message,
            'Cannot read sales table "tx": column "amt": is NULL on 1 line, where amount is needed, for example tx_id "T9"',
          );
          await server.sql("DELETE FROM tx WHERE tx_id = 'T9'");
        },
      );
      await t.step(
        "an amount too large for DECIMAL(18,4), with a sample key",
        async () => {
          await server.sql(
            "CREATE TABLE big (tx_id text, tx_date date, shop text, cat text, amt double precision)",
          );
          await server.sql(
            "INSERT INTO big VALUES ('T7', '2024-01-04', 'S2', 'Toys', 99999999999.99), ('T8', '2024-01-04', 'S2', 'Toys', -1e12)",
          );
          const error = await assertRejects(
            () => openWarehouse({ url, table: "big", map }),
            InputError,
          );
          assertEquals(
            error.message,
            'Cannot read sales table "big": column "amt": is too large: numbers must be below 100,000,000,000 (10^11) in magnitude, on 1 line, for example tx_id "T8"',
          );
        },
      );

      await t.step(
        "no permission, then the read-only role docs/warehouse.md grants",
        async () => {
          await server.sql("CREATE ROLE basket_reader LOGIN");
          await server.sql("REVOKE ALL ON DATABASE shop FROM PUBLIC");
          await server.sql("GRANT CONNECT ON DATABASE shop TO basket_reader");
          const reader = url.replace("basket@", "basket_reader@");
          const error = await assertRejects(
            () => openWarehouse({ url: reader, table: "tx", map }),
            InputError,
          );
          assertOk(
            error.message.startsWith(
              'Cannot read sales table "tx": cannot be read: permission denied',
            ),
            error.message,
          );
          await server.sql("GRANT TEMPORARY ON DATABASE shop TO basket_reader");
          await server.sql("GRANT USAGE ON SCHEMA public TO basket_reader");
          await server.sql("GRANT SELECT ON tx TO basket_reader");
          const { dataset, report } = await openWarehouse({
            url: reader,
            table: "tx",
            map,
          });
          closeDataset(dataset);
          assertEquals(report.rowsRead, 3);
        },
      );

      await t.step(
        "a server that is not there, without the password in the message",
        async () => {
          const error = await assertRejects(
            () =>
              openWarehouse({
                url: "postgresql://ana:s3cret@127.0.0.1:1/shop",
                table: "tx",
                map,
              }),
            InputError,
          );
          assertOk(
            error.message.startsWith(
              'Cannot read warehouse "postgresql://ana@127.0.0.1:1/shop": cannot connect',
            ),
            error.message,
          );
          assertOk(!error.message.includes("s3cret"));
        },
      );
    } finally {
      await server.stop();
    }
  },
});
