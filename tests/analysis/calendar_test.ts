import { assertEquals } from "../assert.ts";
import {
  addDays,
  eachDay,
  isIsoDate,
  isoWeek,
  isoWeekday,
  isoWeekStart,
} from "../../src/analysis/calendar.ts";

Deno.test("isoWeek() puts the days around New Year in the ISO year of their Thursday", () => {
  assertEquals(isoWeek("2020-12-31"), "2020-W53");
  assertEquals(isoWeek("2021-01-03"), "2020-W53");
  assertEquals(isoWeek("2021-01-04"), "2021-W01");
  assertEquals(isoWeek("2024-12-30"), "2025-W01");
  assertEquals(isoWeek("2024-01-01"), "2024-W01");
  assertEquals(isoWeek("2023-01-01"), "2022-W52");
});

Deno.test("isoWeekday() numbers Monday 1 and Sunday 7", () => {
  assertEquals(isoWeekday("2024-03-04"), 1);
  assertEquals(isoWeekday("2024-03-10"), 7);
});

Deno.test("isoWeekStart() goes back to the Monday, across a month end", () => {
  assertEquals(isoWeekStart("2024-03-03"), "2024-02-26");
  assertEquals(isoWeekStart("2024-03-04"), "2024-03-04");
});

Deno.test("eachDay() lists both ends and crosses a leap day", () => {
  assertEquals(eachDay("2024-02-28", "2024-03-01"), [
    "2024-02-28",
    "2024-02-29",
    "2024-03-01",
  ]);
  assertEquals(eachDay("2024-03-02", "2024-03-01"), []);
  assertEquals(addDays("2024-03-01", -1), "2024-02-29");
});

Deno.test("isIsoDate() rejects impossible and badly written dates", () => {
  assertEquals(isIsoDate("2024-02-29"), true);
  assertEquals(isIsoDate("2023-02-29"), false);
  assertEquals(isIsoDate("2024-13-01"), false);
  assertEquals(isIsoDate("1/3/2024"), false);
});
