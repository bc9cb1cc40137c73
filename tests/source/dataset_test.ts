import { assertEquals } from "../assert.ts";
import {
  closeDataset,
  openDatabase,
  queryRows,
} from "../../src/source/dataset.ts";

Deno.test("queryRows() returns plain numbers, YYYY-MM-DD dates, ISO timestamps, lists and nulls", async () => {
  const connection = await openDatabase();
  try {
    const rows = await queryRows(
      { connection },
      `
      SELECT 1::INTEGER AS i, 2::BIGINT AS b, 3::HUGEINT AS h, 4.5::DOUBLE AS d,
             1.25::DECIMAL(5, 2) AS dec, 'x' AS s, NULL::VARCHAR AS n, true AS t,
             DATE '2024-02-29' AS day, DATE '0800-01-01' AS old, DATE '9999-12-31' AS last,
             TIMESTAMP '2024-03-01 00:00:00' AS midnight, TIMESTAMP '2024-03-01 10:30:00' AS ts,
             [1, 2]::BIGINT[] AS list, [DATE '2024-01-02'] AS dates,
             {'a': 1::BIGINT} AS struct
      UNION ALL
      SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL`,
    );
    assertEquals(rows, [{
      i: 1,
      b: 2,
      h: 3,
      d: 4.5,
      dec: 1.25,
      s: "x",
      n: null,
      t: true,
      day: "2024-02-29",
      old: "0800-01-01",
      last: "9999-12-31",
      midnight: "2024-03-01",
      ts: "2024-03-01T10:30:00.000Z",
      list: [1, 2],
      dates: ["2024-01-02"],
      struct: { a: 1 },
    }, {
      i: null,
      b: null,
      h: null,
      d: null,
      dec: null,
      s: null,
      n: null,
      t: null,
      day: null,
      old: null,
      last: null,
      midnight: null,
      ts: null,
      list: null,
      dates: null,
      struct: null,
    }]);
  } finally {
    closeDataset({ connection });
  }
});
