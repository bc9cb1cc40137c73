/**
 * Settings shared by the commands.
 *
 * @module
 */
export { type ConfigFile, readBasketConfig } from "./config_file.ts";
export {
  PASSWORD_ENV,
  type PasswordSources,
  type PasswordTerminal,
  readPassword,
  type ReadPasswordOptions,
  resolvePassword,
} from "./read_password.ts";
