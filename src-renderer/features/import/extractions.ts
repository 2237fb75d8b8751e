// The extraction side of the import pipeline: files handed to main a few at a time, in drop order, while the
// renderer stores earlier ones. A file coming back makes room for the next one, whether or not the queue is
// busy writing a batch, so main's worker keeps working; at most `buffered` files wait, so memory stays bounded.

/** A file handed to main; `settled` once its result is back. */
interface Slot<T> {
  settled: boolean;
  result: Promise<T>;
}

export class Extractions<F, T> {
  private readonly slots: Slot<T>[] = [];
  private running = 0;
  private next = 0;

  /**
   * `extract` must not reject (a failure is a result of its own). At most `ahead` files are with main at once
   * and at most `buffered` are handed over and not yet taken; none is handed over once `stopped()` is true.
   */
  constructor(
    private readonly files: readonly F[],
    private readonly extract: (file: F) => Promise<T>,
    private readonly limits: { ahead: number; buffered: number; stopped: () => boolean },
  ) {
    this.launch();
  }

  private launch(): void {
    const { ahead, buffered, stopped } = this.limits;
    while (
      this.running < ahead &&
      this.slots.length < buffered &&
      this.next < this.files.length &&
      !stopped()
    ) {
      const slot: Slot<T> = {
        settled: false,
        result: this.extract(this.files[this.next++]!).finally(() => {
          slot.settled = true;
          this.running--;
          this.launch();
        }),
      };
      this.running++;
      this.slots.push(slot);
    }
  }

  /** The result of the next file in drop order, or null when every file handed over has been taken. */
  take(): Promise<T> | null {
    const slot = this.slots.shift();
    if (!slot) return null;
    this.launch();
    return slot.result;
  }

  /** Whether the file after the last one taken is back already (storing can wait for it). */
  get nextReady(): boolean {
    return this.slots[0]?.settled ?? false;
  }

  /** The files never handed to main (the import stopped first). */
  notStarted(): readonly F[] {
    return this.files.slice(this.next);
  }
}
