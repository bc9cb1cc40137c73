import { equal, throws } from "node:assert/strict";
import { parseCron } from "../../src/schedule/parse_cron.ts";

Deno.test("parseCron() accepts what Deno.cron accepts: steps, ranges, lists and names", () => {
  for (
    const schedule of [
      "0 */6 * * *",
      "*/5 * * * *",
      "0 6 * * 1-5",
      "0 6 * * 7",
      "0 6 * * MON",
      "0 6 1 JAN *",
      "0-59/15 * * * *",
      "1,2,3 * * * *",
      "0 6 L * *",
    ]
  ) {
    equal(parseCron(schedule), schedule);
  }
});

Deno.test("parseCron() names the field at fault", () => {
  throws(() => parseCron("60 * * * *"), {
    name: "SyntaxError",
    message:
      'Invalid cron schedule "60 * * * *": minute "60" is out of range 0-59',
  });
  throws(() => parseCron("* * * *"), {
    message:
      'Invalid cron schedule "* * * *": expected 5 fields (minute hour day-of-month month day-of-week), got 4',
  });
  throws(() => parseCron("@daily"), { name: "SyntaxError" });
  throws(() => parseCron("0 6 ? * *"), {
    message:
      'Invalid cron schedule "0 6 ? * *": day of month "?" is not a number',
  });
  throws(() => parseCron("*/0 * * * *"), {
    message:
      'Invalid cron schedule "*/0 * * * *": minute step "0" is not a positive whole number',
  });
  throws(() => parseCron("0 10-2 * * *"), {
    message:
      'Invalid cron schedule "0 10-2 * * *": hour range "10-2" runs backwards',
  });
});

Deno.test("parseCron() refuses a schedule that never fires: a day of month that no month of the schedule has", () => {
  for (
    const [schedule, problem] of [
      ["0 0 31 2 *", 'no month in "2" has day "31"'],
      ["0 0 30,31 FEB *", 'no month in "FEB" has day "30,31"'],
      ["0 0 31 4,6,9,11 *", 'no month in "4,6,9,11" has day "31"'],
      ["0 0 30-31 2 *", 'no month in "2" has day "30-31"'],
    ]
  ) {
    throws(() => parseCron(schedule), {
      name: "SyntaxError",
      message:
        `Invalid cron schedule "${schedule}": it never fires: ${problem}`,
    });
  }
  for (
    const schedule of [
      "0 0 29 2 *",
      "0 0 31 * *",
      "0 0 31 1-3 *",
      "0 0 L 2 *",
      "0 0 31 2 MON",
      "0 0 */10 2 *",
    ]
  ) {
    equal(parseCron(schedule), schedule);
  }
});
