/** A setting of the environment is missing or wrong; the message names the variable. */
export class ConfigError extends Error {}
