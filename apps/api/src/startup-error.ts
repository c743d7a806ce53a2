/** A start-up failure, told as one sentence that names what is wrong and what to do. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** The first line of an error's message, without a closing full stop. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n').find((line) => line.trim()) ?? 'unknown error').trim().replace(/\.$/, '');
}

/** The one sentence a failed start-up ends with. */
export function startupSentence(error: unknown): string {
  if (error instanceof StartupError) return error.message;
  return `Jejak could not start (${reasonOf(error)}); run it again with LOG_LEVEL=debug to see where it failed.`;
}
