/**
 * The environment variables that decide how a process reaches the network:
 * which certificate authorities it trusts and which proxy it goes through.
 * A child process started with a cleared environment gets these, so that
 * Deno can still fetch what it has not cached yet (for example esbuild for
 * `deno bundle`) behind a proxy with its own certificate authority.
 */
export const NETWORK_ENV_NAMES = [
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "DENO_CERT",
  "DENO_TLS_CA_STORE",
  "NPM_CONFIG_REGISTRY",
  "HTTPS_PROXY",
  "HTTP_PROXY",
  "NO_PROXY",
  "https_proxy",
  "http_proxy",
  "no_proxy",
] as const;

/** The network settings of this process's environment, by name. */
export function networkEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of NETWORK_ENV_NAMES) {
    const value = Deno.env.get(name);
    if (value !== undefined) env[name] = value;
  }
  return env;
}
