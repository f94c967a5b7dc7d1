import type { Logger } from '../ports';

type Level = 'debug' | 'info' | 'warn' | 'error';

/** One JSON line per entry (Forge's log viewer and the preview's terminal both read it well). */
export function consoleLogger(fields: Record<string, unknown> = {}, minLevel: Level = 'info'): Logger {
  const order: Level[] = ['debug', 'info', 'warn', 'error'];
  const write = (level: Level) => (message: string, extra?: Record<string, unknown>) => {
    if (order.indexOf(level) < order.indexOf(minLevel)) return;
    const line = JSON.stringify({ level, message, ...fields, ...extra });
    if (level === 'error' || level === 'warn') console.error(line);
    else console.log(line);
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (more) => consoleLogger({ ...fields, ...more }, minLevel),
  };
}
