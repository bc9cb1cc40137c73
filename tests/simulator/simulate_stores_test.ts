import { assertEquals, assertOk, assertThrows } from "../assert.ts";
import {
  CHANNELS,
  CITIES,
  REGIONS,
} from "../../src/simulator/retail_catalog.ts";
import { simulateStores } from "../../src/simulator/simulate_stores.ts";

Deno.test("simulateStores() puts the default 20 stores in all ten cities and every channel", () => {
  const stores = simulateStores(20);
  assertEquals(
    stores.map((s) => s.store),
    Array.from({ length: 20 }, (_, i) => `S${String(i + 1).padStart(2, "0")}`),
  );
  assertEquals(new Set(stores.map((s) => s.city)).size, CITIES.length);
  assertEquals(
    new Set(stores.map((s) => s.channel)),
    new Set(CHANNELS.map((c) => c.name)),
  );
});

Deno.test("simulateStores() gives every region a fuel station, and fuel only to express and standard stores", () => {
  const stores = simulateStores(20);
  assertEquals(
    new Set(stores.filter((s) => s.fuel).map((s) => s.region)),
    new Set(REGIONS),
  );
  for (const s of stores) {
    if (s.channel === "Express store") assertOk(s.fuel, s.store);
    if (s.channel !== "Express store" && s.channel !== "Standard store") {
      assertOk(!s.fuel, s.store);
    }
  }
});

Deno.test("simulateStores() gives the largest city the most stores and adds e-Shops as the chain grows", () => {
  const stores = simulateStores(60);
  const perCity = (city: string) =>
    stores.filter((s) => s.city === city).length;
  assertOk(perCity("New York") > perCity("San Jose"));
  assertEquals(stores.filter((s) => s.channel === "e-Shop").length, 3);
  assertEquals(stores[0].store, "S01");
  assertEquals(simulateStores(150)[149].store, "S150");
});

Deno.test("simulateStores() refuses a count below one", () => {
  assertThrows(() => simulateStores(0), RangeError, "Cannot simulate 0 stores");
});
