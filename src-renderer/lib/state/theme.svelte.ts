// Colour mode: follows the system setting unless the person picks light or dark (kept across restarts).
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'corroborate.theme';
const CHOICES: ThemeChoice[] = ['system', 'light', 'dark'];

function stored(): ThemeChoice {
  try {
    const v = localStorage.getItem(KEY);
    return CHOICES.includes(v as ThemeChoice) ? (v as ThemeChoice) : 'system';
  } catch {
    return 'system';
  }
}

class Theme {
  choice = $state<ThemeChoice>(stored());
  private systemDark = $state(false);

  get effective(): 'light' | 'dark' {
    return this.choice === 'system' ? (this.systemDark ? 'dark' : 'light') : this.choice;
  }

  /** Start following the system setting and paint the current mode (call once, before mounting). */
  start(): void {
    const query = matchMedia('(prefers-color-scheme: dark)');
    this.systemDark = query.matches;
    query.addEventListener('change', (e) => {
      this.systemDark = e.matches;
      this.paint();
    });
    this.paint();
  }

  set(choice: ThemeChoice): void {
    this.choice = choice;
    try {
      localStorage.setItem(KEY, choice);
    } catch {
      // Storage refused (private mode): the choice still holds for this session.
    }
    this.paint();
  }

  /** System → light → dark → system. */
  cycle(): void {
    this.set(CHOICES[(CHOICES.indexOf(this.choice) + 1) % CHOICES.length]!);
  }

  private paint(): void {
    document.documentElement.dataset.theme = this.effective;
  }
}

export const theme = new Theme();
