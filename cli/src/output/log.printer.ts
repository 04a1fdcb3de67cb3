// Status lines on stderr shaped like logrus' text output, which argocd prints: `INFO[0003] message`,
// the number being whole seconds since the command started.

export type LogLevel = 'INFO' | 'WARN' | 'ERRO' | 'FATA';

const startedAt = Date.now();

export function formatLogLine(level: LogLevel, message: string, now = Date.now(), since = startedAt): string {
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  return `${level}[${String(seconds).padStart(4, '0')}] ${message}\n`;
}

export const logInfo = (message: string): void => void process.stderr.write(formatLogLine('INFO', message));
export const logWarn = (message: string): void => void process.stderr.write(formatLogLine('WARN', message));
