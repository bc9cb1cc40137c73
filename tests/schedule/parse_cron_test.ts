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
