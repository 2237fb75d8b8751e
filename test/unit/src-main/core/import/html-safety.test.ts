// Web pages are read, never run: scripts and handlers stay inert and nothing is fetched.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractDocument } from '../../../../../src-main/core/import/registry';

const canaryPage = `<!doctype html>
<html lang="fr"><head>
<title>Canary page - Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://news.example.org/canary?utm=1">
<link rel="canonical" href="https://news.example.org/canary">
<meta name="author" content="Jeanne Martin">
<meta property="article:published_time" content="2020-12-21T09:30:00+01:00">
<script>globalThis.__importCanary = 'inline script ran';</script>
<script src="https://evil.example/x.js"></script>
<link rel="stylesheet" href="https://evil.example/style.css">
</head><body onload="globalThis.__importCanary = 'onload ran'">
<article>
<h1>Canary page</h1>
<p>Le gouvernement a annoncé lundi que des forces avaient été déployées dans le pays pour contrer une tentative de coup d'État.</p>
<img src="https://evil.example/pixel.png" onerror="globalThis.__importCanary = 'onerror ran'">
<iframe src="https://evil.example/frame.html"></iframe>
<object data="https://evil.example/movie.swf"></object>
<p>Le ministre a démenti ces informations, selon l'agence Tass, citée par plusieurs médias locaux et étrangers ce matin.</p>
<p>Un porte-parole a ajouté que la situation restait calme dans la capitale et que les élections auraient lieu comme prévu.</p>
</article>
<script>document.write('INJECTED TEXT');</script>
</body></html>`;

describe('HTML import safety', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete (globalThis as { __importCanary?: string }).__importCanary;
  });

  it('runs no script or event handler and requests nothing', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('network used'));
    const document = await extractDocument(new TextEncoder().encode(canaryPage), 'canary.html');
    await new Promise((resolve) => setTimeout(resolve, 50)); // let any queued handler fire
    expect((globalThis as { __importCanary?: string }).__importCanary).toBeUndefined();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(document.text).not.toMatch(/INJECTED|__importCanary|evil\.example/);
    expect(document.text).toContain('Le ministre a démenti ces informations');
  });

  it('reads the page metadata: title, site, author, date, language, canonical URL', async () => {
    const document = await extractDocument(new TextEncoder().encode(canaryPage), 'canary.html');
    expect(document).toMatchObject({
      format: 'html',
      outlet: 'Example News',
      authors: ['Jeanne Martin'],
      publishedAt: '2020-12-21T09:30:00+01:00',
      language: 'fr',
      url: 'https://news.example.org/canary',
    });
    expect(document.title).toMatch(/^Canary page/);
  });

  it('honours a declared legacy charset', async () => {
    const head = '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body><p>';
    const text = 'Le caf\xe9 co\xfbte 5 \x80 \x96 d\xe9j\xe0 cher.';
    const bytes = Uint8Array.from(`${head}${text}</p></body></html>`, (char) => char.charCodeAt(0));
    const document = await extractDocument(bytes, 'legacy.html');
    expect(document.text).toBe('Le café coûte 5 € – déjà cher.');
    expect(document.title).toBe('Café');
  });
});
