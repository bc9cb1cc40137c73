import { assertEquals } from "../assert.ts";
import { compareNames } from "../../src/model/compare_names.ts";

Deno.test("compareNames() puts City 2 before City 10 and (none) first", () => {
  assertEquals(
    ["City 10", "City 2", "City 1", "(none)", "City 1a"].sort(compareNames),
    ["(none)", "City 1", "City 1a", "City 2", "City 10"],
  );
});

Deno.test("compareNames() orders plain names by code point, capitals first", () => {
  assertEquals(
    ["e-Shop", "TeleShop", "MBR", "Flagship store"].sort(compareNames),
    ["Flagship store", "MBR", "TeleShop", "e-Shop"],
  );
});

Deno.test("compareNames() breaks a tie between equal numbers written differently", () => {
  assertEquals(["S01", "S1", "S001"].sort(compareNames), ["S001", "S01", "S1"]);
});
