import { assertEquals } from "../assert.ts";
import { runIdFor, startInFreeSecond } from "../../src/pipeline/run_id_for.ts";

Deno.test("startInFreeSecond() waits for the next second when a run is already named after this one", async () => {
  const out = await Deno.makeTempDir({ prefix: "basket-run-ids-" });
  try {
    let clock = Date.parse("2026-12-05T09:00:00.250Z");
    const now = () => new Date(clock);
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      clock += ms;
      return Promise.resolve();
    };
    assertEquals(
      runIdFor(await startInFreeSecond(out, now, sleep)),
      "20261205T090000Z",
    );
    await Deno.mkdir(`${out}/20261205T090000Z`);
    assertEquals(
      runIdFor(await startInFreeSecond(out, now, sleep)),
      "20261205T090001Z",
    );
    assertEquals(waits, [750]);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
