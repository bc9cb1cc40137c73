export {
  PASSWORD_ENV,
  type PasswordSources,
  type PasswordTerminal,
  readPassword,
  type ReadPasswordOptions,
  resolvePassword,
} from "./read_password.ts";
