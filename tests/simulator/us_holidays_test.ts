import { assertEquals, assertOk } from "../assert.ts";
import { usHolidays } from "../../src/simulator/us_holidays.ts";

const dates = (from: string, to: string) =>
  Object.fromEntries(usHolidays(from, to).map((h) => [h.name, h.date]));

Deno.test("usHolidays() dates the 2025 holidays as the US calendar does", () => {
  const d = dates("2025-01-01", "2025-12-31");
  assertEquals(d["Martin Luther King Jr. Day"], "2025-01-20");
  assertEquals(d["Presidents' Day"], "2025-02-17");
  assertEquals(d["Easter Sunday"], "2025-04-20");
  assertEquals(d["Memorial Day"], "2025-05-26");
  assertEquals(d["Independence Day"], "2025-07-04");
  assertEquals(d["Labor Day"], "2025-09-01");
  assertEquals(d["Columbus Day"], "2025-10-13");
  assertEquals(d["Thanksgiving Day"], "2025-11-27");
  assertEquals(d["Black Friday"], "2025-11-28");
  assertEquals(d["Cyber Monday"], "2025-12-01");
  assertEquals(d["Christmas Day"], "2025-12-25");
});

Deno.test("usHolidays() finds moving holidays in other years", () => {
  const d = dates("2024-01-01", "2024-12-31");
  assertEquals(d["Easter Sunday"], "2024-03-31");
  assertEquals(d["Memorial Day"], "2024-05-27");
  assertEquals(d["Thanksgiving Day"], "2024-11-28");
});

Deno.test("usHolidays() keeps only the days in the window, in date order, across years", () => {
  const holidays = usHolidays("2024-12-20", "2025-01-25");
  assertEquals(holidays.map((h) => h.name), [
    "Christmas Eve",
    "Christmas Day",
    "Boxing Day sales",
    "New Year's Eve",
    "New Year's Day",
    "Martin Luther King Jr. Day",
  ]);
  assertEquals(usHolidays("2025-03-01", "2025-03-31"), []);
});

Deno.test("usHolidays() marks Black Friday busy and Christmas Day quiet", () => {
  const [christmas] = usHolidays("2025-12-25", "2025-12-25");
  const [blackFriday] = usHolidays("2025-11-28", "2025-11-28");
  assertOk(christmas.shopping < 0.5 && blackFriday.shopping > 2);
});
