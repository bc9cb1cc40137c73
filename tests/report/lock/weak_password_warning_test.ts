import { equal } from "node:assert/strict";
import {
  MIN_PASSWORD_LENGTH,
  weakPasswordWarning,
} from "../../../src/report/lock/weak_password_warning.ts";

Deno.test("weakPasswordWarning() warns about a password under 12 characters and says how long it is", () => {
  equal(MIN_PASSWORD_LENGTH, 12);
  equal(
    weakPasswordWarning("s3cret!"),
    "The report password is short (7 characters): anyone with the page can guess passwords offline; use 12 or more characters, such as four random words",
  );
  equal(weakPasswordWarning("x"), weakPasswordWarning("y"));
  equal(
    weakPasswordWarning("a")?.startsWith(
      "The report password is short (1 character):",
    ),
    true,
  );
});

Deno.test("weakPasswordWarning() counts characters, not UTF-16 units, and accepts 12 or more", () => {
  equal(typeof weakPasswordWarning("🧺".repeat(11)), "string");
  equal(weakPasswordWarning("🧺".repeat(12)), null);
  equal(weakPasswordWarning("mango orbit velvet canyon"), null);
});
