import { assertEquals } from "../../assert.ts";
import { closeDataset, createDataset } from "../../../src/source/dataset.ts";
import {
  rfmBatches,
  rfmFiguresOf,
  rfmTable,
} from "../../../src/analysis/segments/rfm_table.ts";
import {
  quintileScores,
  type TiePolicy,
} from "../../../src/stats/quintile_scores.ts";
import { rfmGrid } from "../../../src/figures/segments/rfm_grid.ts";
import { rfmSegments } from "../../../src/figures/segments/rfm_segments.ts";
import { addDays } from "../../../src/model/calendar.ts";
import { saleLine } from "../sale_line.ts";

/**
 * Customers with many equal values (frequency is mostly 1 to 3, amounts
 * repeat) and some unequal ones: where cut points fall on a value, between
 * two, or at the ends, as in real data.
 */
function sales(customers: number, seed: number) {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const lines = [];
  for (let c = 0; c < customers; c++) {
    const visits = 1 + Math.floor(random() * random() * 6);
    for (let v = 0; v < visits; v++) {
      lines.push(saleLine({
        customer_id: `C${String(c).padStart(4, "0")}`,
        transaction_id: `T${c}-${v}`,
        date: addDays("2024-01-01", Math.floor(random() * 90)),
        amount: random() < 0.3 ? 10 : Math.round(random() * 50000) / 100,
      }));
    }
  }
  return lines;
}

for (const ties of ["quantile", "rank"] as TiePolicy[]) {
  for (const customers of [1, 2, 7, 400]) {
    Deno.test(`the engine scores ${customers} customers as quintileScores does, ${ties} ties`, async () => {
      const data = await createDataset({ sales: sales(customers, customers) });
      try {
        const table = await rfmTable(data, { ties });
        const c = table.columns;
        assertEquals(c.customerIds.length, customers);
        const keys = c.customerIds;
        assertEquals(
          Array.from(c.recencyScore),
          quintileScores(c.recency, { ties, keys, reverse: true }),
        );
        assertEquals(
          Array.from(c.frequencyScore),
          quintileScores(c.frequency, { ties, keys }),
        );
        assertEquals(
          Array.from(c.monetaryScore),
          quintileScores(c.monetary, { ties, keys }),
        );
      } finally {
        closeDataset(data);
      }
    });
  }
}

Deno.test("the segment figures added up in batches of the engine's table equal those of the whole columns", async () => {
  const data = await createDataset({ sales: sales(400, 9) });
  try {
    const table = await rfmTable(data);
    let batches = 0;
    for await (const _ of rfmBatches(data, table.scored, 7)) batches++;
    assertEquals(batches, Math.ceil(400 / 7));
    const options = { segmentMap: table.segmentMap };
    assertEquals(await rfmFiguresOf(data, table.scored, 7), {
      segments: rfmSegments(table.columns, options),
      grid: rfmGrid(table.columns, options),
    });
  } finally {
    closeDataset(data);
  }
});
