// Team-server log lines: one JSON object per line with an event name; never a token, a secret or document content.
export type LogFields = Record<string, string | number | boolean | null>;
export type Logger = (event: string, fields?: LogFields) => void;

export function jsonLogger(write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Logger {
  return (event, fields = {}) => write(JSON.stringify({ time: new Date().toISOString(), event, ...fields }));
}

export const silentLogger: Logger = () => undefined;
