import { deepEqual, equal, rejects, throws } from "node:assert/strict";
import {
  PASSWORD_ENV,
  type PasswordTerminal,
  readPassword,
  resolvePassword,
} from "../../src/cli/read_password.ts";

/** A terminal that delivers `chunks` as typed input and records the rest. */
function fakeTerminal(chunks: (string | Uint8Array)[], isTerminal = true) {
  const log: string[] = [];
  const queue = chunks.map((c) =>
    typeof c === "string" ? new TextEncoder().encode(c) : c
  );
  const terminal: PasswordTerminal = {
    isTerminal: () => isTerminal,
    setRaw: (raw) => void log.push(`raw ${raw}`),
    read: (buffer) => {
      const chunk = queue.shift();
      if (chunk === undefined) return Promise.resolve(null);
      buffer.set(chunk);
      return Promise.resolve(chunk.length);
    },
    write: (text) => void log.push(`write ${JSON.stringify(text)}`),
  };
  return { terminal, log };
}

Deno.test("resolvePassword() takes the flag over the environment variable, and gives nothing when neither is set", () => {
  equal(PASSWORD_ENV, "BASKET_REPORT_PASSWORD");
  equal(resolvePassword({ flag: "from flag", env: "from env" }), "from flag");
  equal(resolvePassword({ flag: undefined, env: "from env" }), "from env");
  equal(resolvePassword({}), undefined);
});

Deno.test("resolvePassword() refuses an empty password and says where it came from", () => {
  throws(() => resolvePassword({ flag: "", env: "from env" }), {
    name: "TypeError",
    message: "Cannot use the report password from --password: it is empty",
  });
  throws(() => resolvePassword({ env: "" }), {
    name: "TypeError",
    message:
      "Cannot use the report password from BASKET_REPORT_PASSWORD: it is empty",
  });
});

Deno.test("readPassword() uses the flag or the environment without prompting", async () => {
  const { terminal, log } = fakeTerminal(["typed\r", "typed\r"]);
  equal(
    await readPassword({ flag: "flagged", env: "environ", terminal }),
    "flagged",
  );
  equal(await readPassword({ env: "environ", terminal }), "environ");
  deepEqual(log, []);
});

Deno.test("readPassword() reads the environment variable when no env value is passed", async () => {
  const before = Deno.env.get(PASSWORD_ENV);
  Deno.env.set(PASSWORD_ENV, "from the environment");
  try {
    const { terminal } = fakeTerminal([], false);
    equal(await readPassword({ terminal }), "from the environment");
  } finally {
    if (before === undefined) Deno.env.delete(PASSWORD_ENV);
    else Deno.env.set(PASSWORD_ENV, before);
  }
});

Deno.test("readPassword() says how to give a password when there is none and no terminal", async () => {
  const { terminal, log } = fakeTerminal(["typed\r"], false);
  await rejects(readPassword({ env: undefined, terminal }), {
    name: "Error",
    message:
      "Cannot get the report password: give --password, set BASKET_REPORT_PASSWORD, or run the command in a terminal to type it",
  });
  deepEqual(log, []);
});

Deno.test("readPassword() prompts twice with echo off and restores the terminal", async () => {
  const { terminal, log } = fakeTerminal(["mango orbit\r", "mango orbit\r"]);
  equal(await readPassword({ env: undefined, terminal }), "mango orbit");
  deepEqual(log, [
    'write "Report password: "',
    "raw true",
    "raw false",
    'write "\\n"',
    'write "Repeat the password: "',
    "raw true",
    "raw false",
    'write "\\n"',
  ]);
});

Deno.test("readPassword() refuses two different entries, and an empty one", async () => {
  await rejects(
    readPassword({
      env: undefined,
      terminal: fakeTerminal(["first\r", "second\r"]).terminal,
    }),
    {
      name: "Error",
      message:
        "Cannot use the report password typed at the prompt: the two entries differ",
    },
  );
  await rejects(
    readPassword({ env: undefined, terminal: fakeTerminal(["\r"]).terminal }),
    {
      name: "TypeError",
      message:
        "Cannot use the report password typed at the prompt: it is empty",
    },
  );
});

Deno.test("readPassword() edits the line: backspace, Ctrl-U, arrow keys ignored, multi-byte characters split across reads", async () => {
  const euro = new TextEncoder().encode("€"); // 3 bytes
  const { terminal } = fakeTerminal([
    "wrong\x15",
    "pass\x1b[D\x1bOC",
    "wordx\x7f",
    euro.subarray(0, 1),
    euro.subarray(1),
    "\r",
  ]);
  equal(
    await readPassword({ env: undefined, terminal, confirm: false }),
    "password€",
  );
});

Deno.test("readPassword() stops at Ctrl-C and still restores the terminal", async () => {
  const { terminal, log } = fakeTerminal(["secr\x03et\r"]);
  await rejects(readPassword({ env: undefined, terminal }), {
    name: "Error",
    message: "Cannot read the report password: interrupted",
  });
  deepEqual(log.slice(-2), ["raw false", 'write "\\n"']);
});

Deno.test("readPassword() ends the line at Ctrl-D or the end of input", async () => {
  equal(
    await readPassword({
      env: undefined,
      confirm: false,
      terminal: fakeTerminal(["abc\x04def"]).terminal,
    }),
    "abc",
  );
  equal(
    await readPassword({
      env: undefined,
      confirm: false,
      terminal: fakeTerminal(["abc"]).terminal,
    }),
    "abc",
  );
});
