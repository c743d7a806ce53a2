import { pino } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
export const isLogLevel = (level: string) => LOG_LEVELS.includes(level);

// An unknown LOG_LEVEL is refused by the configuration, in words; the logger must not fail first.
const level = process.env.LOG_LEVEL ?? 'info';

export const logger = pino({
  level: isLogLevel(level) ? level : 'info',
  base: undefined,
  redact: ['req.headers.authorization', 'password', 'token'],
});

export type Logger = typeof logger;
