// Keys of a small form with numbered choices (attach to a claim, link statements): Escape cancels, a digit picks.

/**
 * Handles a key press inside the form: Escape calls `cancel`, digit n (1 to the number of `choices`) calls `pick`
 * with the n-th choice, except in the form's free-text field (`textClass`). Keys handled here stop there, so they
 * never reach the views' window shortcuts (tags on 1–9 in the reader).
 */
export function choiceKeydown<T>(
  e: KeyboardEvent,
  choices: readonly T[],
  textClass: string,
  pick: (choice: T) => void,
  cancel: () => void,
): void {
  const digit = /^[1-9]$/.test(e.key) ? Number(e.key) : 0;
  if (e.key === 'Escape') {
    e.preventDefault();
    e.stopPropagation();
    cancel();
  } else if (
    digit >= 1 &&
    digit <= choices.length &&
    !(e.target as HTMLElement).classList.contains(textClass)
  ) {
    e.preventDefault();
    e.stopPropagation();
    pick(choices[digit - 1]!);
  }
}
