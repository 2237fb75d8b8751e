// Byte counts as people read them ("412 MB", "740 KB"), in refusals, export notices and backup lists.

/** "412 MB", "3.1 MB", "740 KB": sizes as people read them in a refusal. */
export function formatBytes(bytes: number): string {
  if (bytes >= 10 * 1048576) return `${Math.round(bytes / 1048576)} MB`;
  if (bytes >= 1048576) return `${(bytes / 1048576).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * "file is 412 MB; the limit is 200 MB". A file just over the limit would read "1.0 MB; the limit is 1.0 MB",
 * so then the exact byte counts are given instead.
 */
export function tooLargeReason(bytes: number, limit: number): string {
  const size = formatBytes(bytes);
  const max = formatBytes(limit);
  if (size !== max) return `file is ${size}; the limit is ${max}`;
  const exact = (n: number) => n.toLocaleString('en-US');
  return `file is ${exact(bytes)} bytes; the limit is ${exact(limit)} bytes (${max})`;
}
