import { assertEquals, assertThrows } from "../assert.ts";
import {
  NOTEBOOK_ENV,
  notebookParameters,
} from "../../src/notebook/notebook_parameters.ts";

Deno.test("notebookParameters() fills in the defaults: the simulator, seed 1, k chosen, bad rows fail", () => {
  const defaults = {
    data: undefined,
    map: undefined,
    dateFormat: undefined,
    onBadRows: "fail",
    encoding: undefined,
    asOf: undefined,
    seed: 1,
    k: undefined,
  };
  assertEquals(notebookParameters({}), defaults);
  assertEquals(
    notebookParameters({ data: " ", map: "", asOf: "", seed: "", k: "" }),
    defaults,
  );
});

Deno.test("notebookParameters() reads every parameter from text, as the environment gives it", () => {
  assertEquals(
    notebookParameters({
      data: "../data/sales.csv",
      map: "date=Order Date; amount=Sales\ncustomer=Customer ID",
      dateFormat: "DMY",
      onBadRows: "skip",
      encoding: "Latin1",
      asOf: "2024-02-29",
      seed: "42",
      k: "4",
    }),
    {
      data: "../data/sales.csv",
      map: { date: "Order Date", amount: "Sales", customer_id: "Customer ID" },
      dateFormat: "dmy",
      onBadRows: "skip",
      encoding: "windows-1252",
      asOf: "2024-02-29",
      seed: 42,
      k: 4,
    },
  );
  assertEquals(notebookParameters({ seed: 0, k: 3 }).k, 3);
});

Deno.test("notebookParameters() names the parameter and quotes the value it cannot read", () => {
  const cases: [Record<string, string>, string][] = [
    [
      { seed: "1.5" },
      'Cannot read the seed parameter "1.5": expected a whole number of 0 or more',
    ],
    [
      { seed: "-1" },
      'Cannot read the seed parameter "-1": expected a whole number of 0 or more',
    ],
    [
      { k: "0" },
      'Cannot read the k parameter "0": expected a whole number of 1 or more',
    ],
    [
      { asOf: "2024-02-30" },
      'Cannot read the asOf parameter "2024-02-30": expected a date as YYYY-MM-DD',
    ],
    [
      { asOf: "1/2/2024" },
      'Cannot read the asOf parameter "1/2/2024": expected a date as YYYY-MM-DD',
    ],
    [
      { onBadRows: "drop" },
      'Cannot read the onBadRows parameter "drop": expected fail or skip',
    ],
    [
      { dateFormat: "ymd" },
      'Cannot read the dateFormat parameter "ymd": expected dmy (day first) or mdy (month first)',
    ],
  ];
  for (const [values, message] of cases) {
    const error = assertThrows(() => notebookParameters(values), RangeError);
    assertEquals(error.message, message);
  }
  assertThrows(
    () => notebookParameters({ map: "date" }),
    TypeError,
    'Cannot read --map "date": expected field=Column',
  );
});

Deno.test("NOTEBOOK_ENV names one BASKET_ variable per parameter", () => {
  assertEquals(Object.values(NOTEBOOK_ENV), [
    "BASKET_DATA",
    "BASKET_MAP",
    "BASKET_DATE_FORMAT",
    "BASKET_ON_BAD_ROWS",
    "BASKET_ENCODING",
    "BASKET_AS_OF",
    "BASKET_SEED",
    "BASKET_K",
  ]);
});
