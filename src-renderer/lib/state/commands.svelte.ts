// The command registry: every action a feature offers, for the command palette (Ctrl/Cmd+K)
// and the keyboard. Features register their commands while they are mounted.
export interface Command {
  id: string;
  title: string;
  /** Shown in the palette, e.g. "Ctrl+Z" or "j". */
  shortcut?: string;
  group?: string;
  /** Hidden from the palette when it returns false (e.g. nothing selected). */
  enabled?: () => boolean;
  /** Changes the workspace: hidden, and refused, while it is read only (a reader of a shared dossier). */
  edits?: true;
  run: () => void | Promise<void>;
}

class CommandRegistry {
  commands = $state<Command[]>([]);
  /** Whether the workspace is read only now; set by the app (which knows the team session). */
  readOnly: () => boolean = () => false;

  private usable(c: Command): boolean {
    return !(c.edits && this.readOnly()) && (c.enabled?.() ?? true);
  }

  /** Register commands; returns a function that removes them (call it on unmount). */
  register(...commands: Command[]): () => void {
    const ids = new Set(commands.map((c) => c.id));
    this.commands = [...this.commands.filter((c) => !ids.has(c.id)), ...commands];
    return () => {
      this.commands = this.commands.filter((c) => !ids.has(c.id) || !commands.includes(c));
    };
  }

  available(): Command[] {
    return this.commands.filter((c) => this.usable(c));
  }

  async run(id: string): Promise<boolean> {
    const c = this.commands.find((x) => x.id === id);
    if (!c || !this.usable(c)) return false;
    await c.run();
    return true;
  }
}

export const commands = new CommandRegistry();
