/** Sets (or, for undefined, removes) variables in this process before the app's modules read them. */
export function setEnv(values: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

/** This process's environment plus overrides, for a child process. */
export function childEnv(values: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...values };
}

