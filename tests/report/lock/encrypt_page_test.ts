import {
  deepEqual,
  equal,
  match,
  notEqual,
  ok,
  rejects,
} from "node:assert/strict";
import {
  decryptPage,
  unlockPageKey,
} from "../../../src/report/lock/decrypt_page.ts";
import {
  decryptSidecarChunk,
  encryptSidecarChunk,
  sidecarHeader,
} from "../../../src/report/lock/sidecar_crypto.ts";
import {
  encryptPage,
  LOCKED_PAGE_TITLE,
  lockKey,
  MIN_PBKDF2_ITERATIONS,
} from "../../../src/report/lock/encrypt_page.ts";
import { base64ToBytes } from "../../../src/report/lock/report_crypto.ts";
import { sampleReportHtml, SECRET_VALUES } from "../fixtures/sample_report.ts";
import {
  FAST_ITERATIONS,
  FIXED_IV,
  FIXED_SALT,
  pageWithoutPayload,
  payloadOf,
} from "./locked_page.ts";

const PASSWORD = "mango orbit velvet canyon";

Deno.test("a locked page uses 600,000 PBKDF2 iterations by default, opens with its password to the identical report and refuses a wrong one", async () => {
  const report = sampleReportHtml();
  const page = await encryptPage(report, { password: PASSWORD });
  const payload = payloadOf(page);
  equal(MIN_PBKDF2_ITERATIONS, 600_000);
  equal(payload.iterations, 600_000);
  equal(payload.kdf, "PBKDF2-SHA-256");
  equal(payload.cipher, "AES-256-GCM");
  equal(base64ToBytes(payload.salt).length, 16);
  equal(base64ToBytes(payload.iv).length, 12);
  equal(await decryptPage(page, PASSWORD), report);
  await rejects(decryptPage(page, PASSWORD + "!"), {
    name: "Error",
    message:
      "Cannot open the locked report: the password is wrong, or the page was changed",
  });
});

Deno.test("encryptPage() refuses fewer than 600,000 iterations unless the test-only option asks", async () => {
  await rejects(
    encryptPage("<p>x</p>", { password: PASSWORD, iterations: 599_999 }),
    {
      name: "RangeError",
      message:
        "Cannot encrypt the report: 599999 PBKDF2 iterations is not a whole number from 600000 to 4294967295",
    },
  );
  const page = await encryptPage("<p>x</p>", {
    password: PASSWORD,
    unsafeIterationsForTests: FAST_ITERATIONS,
  });
  equal(payloadOf(page).iterations, FAST_ITERATIONS);
});

Deno.test("encryptPage() refuses an empty password, a salt or nonce of the wrong length and rememberDays out of range", async () => {
  const fast = {
    password: PASSWORD,
    unsafeIterationsForTests: FAST_ITERATIONS,
  };
  await rejects(encryptPage("<p>x</p>", { password: "" }), {
    name: "TypeError",
    message: "Cannot encrypt the report: the password is empty",
  });
  await rejects(encryptPage("<p>x</p>", { ...fast, salt: new Uint8Array(8) }), {
    name: "RangeError",
    message: "Cannot encrypt the report: the salt must be 16 bytes, not 8",
  });
  await rejects(encryptPage("<p>x</p>", { ...fast, iv: new Uint8Array(16) }), {
    name: "RangeError",
    message: "Cannot encrypt the report: the iv must be 12 bytes, not 16",
  });
  for (const rememberDays of [-1, 1.5, 366]) {
    await rejects(encryptPage("<p>x</p>", { ...fast, rememberDays }), {
      name: "RangeError",
      message:
        `Cannot encrypt the report: rememberDays ${rememberDays} is not a whole number from 0 to 365`,
    });
  }
});

/** The forms in which a value could show through: plain, URL-encoded, base64. */
function leakForms(value: string): string[] {
  const forms = [
    value,
    encodeURIComponent(value),
    encodeURIComponent(value).replaceAll("%20", "+"),
  ];
  // Base64 at each of the three alignments, keeping only the 4-character
  // groups that encode the value's bytes alone.
  for (let shift = 0; shift < 3; shift++) {
    const encoded = btoa("x".repeat(shift) + value);
    const first = Math.ceil(shift / 3);
    const end = Math.floor((shift + value.length) / 3);
    forms.push(encoded.slice(4 * first, 4 * end));
  }
  return forms;
}

Deno.test("a locked page holds none of the report's values, in plain text, URL-encoded or base64", async () => {
  const report = sampleReportHtml();
  // The forms would catch the report embedded plainly, URL-encoded or as base64.
  const utf8Base64 = (text: string) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(text)));
  for (
    const exposed of [
      report,
      encodeURIComponent(report),
      utf8Base64(report),
      utf8Base64(" " + report),
      utf8Base64("  " + report),
    ]
  ) {
    for (const value of SECRET_VALUES) {
      ok(
        leakForms(value).some((form) => exposed.includes(form)),
        `The test would miss "${value}" in ${exposed.slice(0, 20)}…`,
      );
    }
  }
  const page = await encryptPage(report, {
    password: PASSWORD,
    unsafeIterationsForTests: FAST_ITERATIONS,
    salt: FIXED_SALT,
    iv: FIXED_IV,
  });
  const bytes = new TextEncoder().encode(page);
  const text = new TextDecoder("latin1").decode(bytes).toLowerCase();
  for (const value of SECRET_VALUES) {
    for (const form of leakForms(value)) {
      ok(form.length >= 8, `Form "${form}" of "${value}" is too short to test`);
      ok(
        !page.includes(form) && !text.includes(form.toLowerCase()),
        `The locked page reveals "${value}" as "${form}"`,
      );
    }
  }
  const visible = pageWithoutPayload(page);
  for (const word of ["Sales report", "Café", "Store", "Turnover"]) {
    ok(!visible.includes(word), `The locked page shows "${word}"`);
  }
  equal(await decryptPage(page, PASSWORD), report);
});

Deno.test("the locked page's own script opens its embedded report", async () => {
  const report = sampleReportHtml();
  const page = await encryptPage(report, {
    password: PASSWORD,
    unsafeIterationsForTests: FAST_ITERATIONS,
  });
  const script = /<script>\n([^]*?)<\/script>/.exec(page)?.[1] ?? "";
  const call = 'document.addEventListener("DOMContentLoaded", () => {\n' +
    "  unlockPage().catch((e) => console.error(e));\n});\n";
  ok(
    script.endsWith(call),
    "The page's script should end by calling unlockPage()",
  );
  const { base64ToBytes, deriveReportKey, decryptReport } = new Function(
    `${script.slice(0, -call.length)}
return { base64ToBytes, deriveReportKey, decryptReport };`,
  )();
  const payload = payloadOf(page);
  const key = await deriveReportKey(
    PASSWORD,
    base64ToBytes(payload.salt),
    payload.iterations,
    false,
  );
  equal(await decryptReport(payload, key), report);
  const wrong = await deriveReportKey(
    "wrong",
    base64ToBytes(payload.salt),
    payload.iterations,
    false,
  );
  await rejects(decryptReport(payload, wrong), { name: "OperationError" });
});

Deno.test("each build draws a fresh salt and nonce, and the same salt and nonce give a byte-identical page", async () => {
  const options = {
    password: PASSWORD,
    unsafeIterationsForTests: FAST_ITERATIONS,
  };
  const [a, b] = [
    payloadOf(await encryptPage("<p>x</p>", options)),
    payloadOf(await encryptPage("<p>x</p>", options)),
  ];
  notEqual(a.salt, b.salt);
  notEqual(a.iv, b.iv);
  notEqual(a.ciphertext, b.ciphertext);
  const fixed = { ...options, salt: FIXED_SALT, iv: FIXED_IV };
  equal(
    await encryptPage(sampleReportHtml(), fixed),
    await encryptPage(sampleReportHtml(), fixed),
  );
});

Deno.test("a locked page has a generic title unless given one, and escapes a given title", async () => {
  const options = {
    password: PASSWORD,
    unsafeIterationsForTests: FAST_ITERATIONS,
  };
  const plain = await encryptPage("<p>x</p>", options);
  equal(LOCKED_PAGE_TITLE, "Basket report — locked");
  match(plain, /<title>Basket report — locked<\/title>/);
  match(plain, /<h1>Basket report — locked<\/h1>/);
  const titled = await encryptPage("<p>x</p>", {
    ...options,
    title: `Q3 <b>"board"</b> & co`,
  });
  match(
    titled,
    /<title>Q3 &lt;b&gt;&quot;board&quot;&lt;\/b&gt; &amp; co<\/title>/,
  );
  ok(!titled.includes("<b>"));
});

Deno.test("a locked page offers to remember the password for rememberDays days, and not at all for 0", async () => {
  const options = {
    password: PASSWORD,
    unsafeIterationsForTests: FAST_ITERATIONS,
  };
  const offered = await encryptPage("<p>x</p>", {
    ...options,
    rememberDays: 7,
  });
  match(offered, /<input id="unlock-remember" type="checkbox">/);
  match(offered, /Remember the password on this device for 7 days/);
  match(offered, /data-remember-days="7"/);
  const none = await encryptPage("<p>x</p>", { ...options, rememberDays: 0 });
  ok(!none.includes('type="checkbox"'));
  match(none, /data-remember-days="0"/);
});

Deno.test("a locked page's markup is fixed apart from its title and payload", async () => {
  const page = await encryptPage("<p>x</p>", {
    password: PASSWORD,
    unsafeIterationsForTests: FAST_ITERATIONS,
  });
  const other = await encryptPage("<p>something else entirely</p>", {
    password: "another password",
    unsafeIterationsForTests: FAST_ITERATIONS,
  });
  equal(pageWithoutPayload(page), pageWithoutPayload(other));
  deepEqual(Object.keys(payloadOf(page)), [
    "v",
    "kdf",
    "iterations",
    "salt",
    "cipher",
    "iv",
    "compression",
    "ciphertext",
    "sha256",
  ]);
});

Deno.test("lockKey() gives the key, salt and iterations that encryptPage() writes, so the page's password opens what the key encrypted beside it", async () => {
  const key = await lockKey(PASSWORD, {
    salt: FIXED_SALT,
    unsafeIterationsForTests: FAST_ITERATIONS,
  });
  deepEqual(key.salt, FIXED_SALT);
  equal(key.iterations, FAST_ITERATIONS);
  const page = await encryptPage(sampleReportHtml(), { key, iv: FIXED_IV });
  deepEqual(
    page,
    await encryptPage(sampleReportHtml(), {
      password: PASSWORD,
      salt: FIXED_SALT,
      iv: FIXED_IV,
      unsafeIterationsForTests: FAST_ITERATIONS,
    }),
  );
  const header = sidecarHeader(16, new Uint8Array(8).fill(7));
  const sealed = await encryptSidecarChunk(
    key.key,
    header,
    0,
    true,
    new TextEncoder().encode("segments"),
  );
  const opened = await unlockPageKey(page, PASSWORD);
  equal(opened.html, sampleReportHtml());
  equal(
    new TextDecoder().decode(
      await decryptSidecarChunk(opened.key, header, 0, true, sealed),
    ),
    "segments",
  );
  await rejects(
    decryptSidecarChunk(opened.key, header, 0, false, sealed),
    (error: unknown) =>
      error instanceof DOMException && error.name === "OperationError",
  );
  await rejects(lockKey(""), /the password is empty/);
  await rejects(encryptPage("<p>x</p>", {}), /the password is empty/);
});
