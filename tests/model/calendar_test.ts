import { assertEquals } from "../assert.ts";
import {
  addDays,
  dateOfDay,
  dayNumber,
  dayOf,
  eachDay,
  isIsoDate,
  isoWeek,
  isoWeekday,
  isoWeekStart,
  weekday,
} from "../../src/model/calendar.ts";

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

/** The calendar as Date computes it, to check the arithmetic against. */
const BY_DATE = {
  dayNumber: (date: string) =>
    Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000),
  dateOfDay: (day: number) =>
    new Date(day * 86_400_000).toISOString().slice(0, 10),
  isoWeekday: (date: string) => {
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    return day === 0 ? 7 : day;
  },
};

Deno.test("dayNumber(), dateOfDay(), isoWeekday(), isoWeekStart() and isoWeek() agree with Date on every day from 1800 to 2200", () => {
  for (
    let day = BY_DATE.dayNumber("1800-01-01");
    day <= BY_DATE.dayNumber("2200-12-31");
    day++
  ) {
    const date = BY_DATE.dateOfDay(day);
    if (dateOfDay(day) !== date) assertEquals(dateOfDay(day), date);
    if (dayNumber(date) !== day) assertEquals(dayNumber(date), day, date);
    const weekday = BY_DATE.isoWeekday(date);
    if (isoWeekday(date) !== weekday) assertEquals(isoWeekday(date), weekday);
    const monday = BY_DATE.dateOfDay(day + 1 - weekday);
    if (isoWeekStart(date) !== monday) assertEquals(isoWeekStart(date), monday);
    const thursday = BY_DATE.dateOfDay(day + 4 - weekday);
    const week = Math.floor(
      (BY_DATE.dayNumber(thursday) -
        BY_DATE.dayNumber(`${thursday.slice(0, 4)}-01-01`)) / 7,
    ) + 1;
    const name = `${thursday.slice(0, 4)}-W${String(week).padStart(2, "0")}`;
    if (isoWeek(date) !== name) assertEquals(isoWeek(date), name, date);
  }
});

Deno.test("dayNumber() reads what is not a date as Date does", () => {
  for (
    const text of [
      "2024-02-30",
      "2023-02-29",
      "2024-04-31",
      "2024-13-01",
      "2024-00-10",
      "2024-1-01",
      "24-01-01",
      "abcd-01-01",
      "",
    ]
  ) {
    assertEquals(
      [dayNumber(text), isoWeekday(text)],
      [BY_DATE.dayNumber(text), BY_DATE.isoWeekday(text)],
      text,
    );
  }
  assertEquals(dateOfDay(0.5), BY_DATE.dateOfDay(0.5));
  assertEquals(dateOfDay(-800_000), BY_DATE.dateOfDay(-800_000));
});

Deno.test("weekday() numbers Sunday 0 and Saturday 6, one behind isoWeekday() but for Sunday", () => {
  assertEquals(weekday(dayNumber("2024-03-10")), 0);
  assertEquals(weekday(dayNumber("2024-03-04")), 1);
  assertEquals(weekday(dayNumber("2024-03-09")), 6);
  assertEquals(weekday(dayNumber("1969-12-28")), 0);
  for (const date of eachDay("2024-02-26", "2024-03-10")) {
    assertEquals(weekday(dayNumber(date)), isoWeekday(date) % 7, date);
  }
});

Deno.test("dayOf() gives the day number of a year, month and day, rolling past a month's end", () => {
  assertEquals(dayOf(1970, 1, 1), 0);
  assertEquals(dayOf(2024, 2, 29), dayNumber("2024-02-29"));
  assertEquals(dateOfDay(dayOf(2024, 13, 1)), "2025-01-01");
  assertEquals(dateOfDay(dayOf(2024, 3, 0)), "2024-02-29");
});
