/** The environment variable that may hold the report password. */
export const PASSWORD_ENV = "BASKET_REPORT_PASSWORD";

/** Where a report password may come from, apart from a prompt. */
export interface PasswordSources {
  /** The `--password` flag's value, when the flag was given. */
  flag?: string | undefined;
  /** The value of {@linkcode PASSWORD_ENV}, when it is set. */
  env?: string | undefined;
}

/**
 * Picks the report password from the `--password` flag, else from the
 * {@linkcode PASSWORD_ENV} environment variable. Returns `undefined` when
 * neither is given (the caller may then prompt). Throws a `TypeError` when
 * the chosen value is empty.
 */
export function resolvePassword(sources: PasswordSources): string | undefined {
  if (sources.flag !== undefined) return nonEmpty(sources.flag, "--password");
  if (sources.env !== undefined) return nonEmpty(sources.env, PASSWORD_ENV);
  return undefined;
}

function nonEmpty(password: string, source: string): string {
  if (password === "") {
    throw new TypeError(
      `Cannot use the report password from ${source}: it is empty`,
    );
  }
  return password;
}

/** The terminal a password prompt runs on; tests pass a fake one. */
export interface PasswordTerminal {
  /** Whether a person can type here (standard input is a terminal). */
  isTerminal(): boolean;
  /** Turns raw mode (no echo, no line editing, no signals) on or off. */
  setRaw(raw: boolean): void;
  /** Reads typed bytes into `buffer`; `null` at the end of input. */
  read(buffer: Uint8Array): Promise<number | null>;
  /** Shows prompt text (on standard error, so that output stays clean). */
  write(text: string): void;
}

/** Options for {@linkcode readPassword}. */
export interface ReadPasswordOptions {
  /** The `--password` flag's value, when the flag was given. */
  flag?: string | undefined;
  /**
   * The value of {@linkcode PASSWORD_ENV}; read from the environment unless
   * this key is present.
   */
  env?: string | undefined;
  /** At the prompt, ask twice and require the same password; default true. */
  confirm?: boolean;
  /** Where to prompt; default standard input and standard error. */
  terminal?: PasswordTerminal;
}

/**
 * Gets the report password: from the `--password` flag, else from
 * {@linkcode PASSWORD_ENV}, else by asking on the terminal with echo off
 * (twice, unless `confirm` is false). Refuses an empty password with a
 * `TypeError`, and throws an `Error` when there is no password and no
 * terminal to ask on, when the two typed entries differ, or when the prompt
 * is interrupted (Ctrl-C).
 */
export async function readPassword(
  options: ReadPasswordOptions = {},
): Promise<string> {
  const env = "env" in options ? options.env : Deno.env.get(PASSWORD_ENV);
  const given = resolvePassword({ flag: options.flag, env });
  if (given !== undefined) return given;
  const terminal = options.terminal ?? denoTerminal;
  if (!terminal.isTerminal()) {
    throw new Error(
      `Cannot get the report password: give --password, set ${PASSWORD_ENV}, or run the command in a terminal to type it`,
    );
  }
  const password = await promptHidden(terminal, "Report password: ");
  if (password === "") {
    throw new TypeError(
      "Cannot use the report password typed at the prompt: it is empty",
    );
  }
  if (options.confirm ?? true) {
    const again = await promptHidden(terminal, "Repeat the password: ");
    if (again !== password) {
      throw new Error(
        "Cannot use the report password typed at the prompt: the two entries differ",
      );
    }
  }
  return password;
}

const denoTerminal: PasswordTerminal = {
  isTerminal: () => Deno.stdin.isTerminal(),
  setRaw: (raw) => Deno.stdin.setRaw(raw),
  read: (buffer) => Deno.stdin.read(buffer),
  write(text) {
    const bytes = new TextEncoder().encode(text);
    for (let done = 0; done < bytes.length;) {
      done += Deno.stderr.writeSync(bytes.subarray(done));
    }
  },
};

/**
 * Reads one line with echo off. Backspace deletes a character, Ctrl-U the
 * whole line, escape sequences (arrow keys) are ignored; Enter or Ctrl-D
 * ends the line; Ctrl-C interrupts.
 */
async function promptHidden(
  terminal: PasswordTerminal,
  question: string,
): Promise<string> {
  terminal.write(question);
  terminal.setRaw(true);
  try {
    const decoder = new TextDecoder();
    const buffer = new Uint8Array(256);
    const chars: string[] = [];
    let escape: "none" | "start" | "sequence" = "none";
    for (;;) {
      const read = await terminal.read(buffer);
      if (read === null) return chars.join("");
      for (
        const char of decoder.decode(buffer.subarray(0, read), { stream: true })
      ) {
        if (escape === "start") {
          escape = char === "[" || char === "O" ? "sequence" : "none";
        } else if (escape === "sequence") {
          if (char >= "@" && char <= "~") escape = "none";
        } else if (char === "\x1b") escape = "start";
        else if (char === "\r" || char === "\n" || char === "\x04") {
          return chars.join("");
        } else if (char === "\x03") {
          throw new Error("Cannot read the report password: interrupted");
        } else if (char === "\x7f" || char === "\b") chars.pop();
        else if (char === "\x15") chars.length = 0;
        else if (char >= " ") chars.push(char);
      }
    }
  } finally {
    terminal.setRaw(false);
    terminal.write("\n");
  }
}
