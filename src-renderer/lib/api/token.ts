// The browser shell's token: read once from the address's fragment (never sent to a server), kept in this
// tab's sessionStorage (bound to the origin, port included), removed from the address bar.
const KEY = 'corroborate-token';

/** Move a `#token=…` fragment into sessionStorage and drop it from the visible address. */
export function adoptTokenFromAddress(): void {
  if (typeof location === 'undefined') return;
  const match = /(?:^#|&)token=([0-9a-f]{16,128})(?:&|$)/.exec(location.hash);
  if (!match) return;
  try {
    sessionStorage.setItem(KEY, match[1]!);
  } catch {
    // Storage refused (private mode settings): the token lives only until the page is left.
    memory = match[1]!;
  }
  history.replaceState(history.state, '', location.pathname + location.search);
}

let memory: string | null = null;

export function currentToken(): string | null {
  try {
    return sessionStorage.getItem(KEY) ?? memory;
  } catch {
    return memory;
  }
}

/** Take the token from the address now and whenever the address's fragment changes (a restarted shell). */
export function watchAddressForToken(): void {
  adoptTokenFromAddress();
  if (typeof window.addEventListener === 'function')
    window.addEventListener('hashchange', adoptTokenFromAddress);
}
