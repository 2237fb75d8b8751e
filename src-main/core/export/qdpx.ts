// REFI-QDA project export (.qdpx): a zip with project.qde and every article as plain text in sources/.
import { strToU8, zipSync } from 'fflate';
import type { Dossier } from '../../shared/dossier';
import { offsetConverter } from '../../shared/dossier/offsets';
import { groupBy } from './document-model';
import { escapeXml } from './escape';
import { progressTicker } from './progress';
import { attr, codesXml, guidFor, PROJECT_NS } from './refi-common';
import type { ExportOptions } from './types';

// Positions: the standard counts characters of the plain-text source (zero-based, end exclusive);
// characters are Unicode code points, so UTF-16 offsets are converted for texts with astral characters.

const dateTime = (iso: string) => (Number.isNaN(Date.parse(iso)) ? undefined : new Date(iso).toISOString());

export async function exportQdpx(dossier: Dossier, opts: ExportOptions = {}): Promise<Uint8Array> {
  const progress = progressTicker(dossier.articles.length, opts.onProgress, opts.signal);
  const users = new Map<string, string>();
  const userGuid = (name: string) => {
    const key = name || 'Corroborate';
    if (!users.has(key)) users.set(key, guidFor('user', key));
    return users.get(key)!;
  };
  const exporter = userGuid(opts.author ?? '');
  const tagIds = new Set(dossier.tags.map((t) => t.id));
  const annotationsByArticle = groupBy(dossier.annotations, (a) => a.articleId);

  const files: Record<string, Uint8Array> = {};
  const sources: string[] = [];
  for (const article of dossier.articles) {
    const guid = guidFor('article', article.id);
    files[`sources/${guid}.txt`] = strToU8(article.text);
    const convert = offsetConverter(article.text);
    const description = [
      article.outlet,
      article.authors.join(', '),
      article.publishedAt,
      article.url,
      `file ${article.fileName}`,
      `sha256 ${article.textSha256}`,
    ]
      .filter(Boolean)
      .join(' · ');
    const selections = (annotationsByArticle.get(article.id) ?? [])
      .filter((a) => !a.orphaned)
      .map((a) => {
        const user = userGuid(a.author);
        const codings = a.tagIds
          .filter((id) => tagIds.has(id))
          .map(
            (id) =>
              `        <Coding${attr('guid', guidFor('coding', `${a.id}/${id}`))}${attr('creatingUser', user)}${attr('creationDateTime', dateTime(a.createdAt))}>\n          <CodeRef${attr('targetGUID', guidFor('tag', id))}/>\n        </Coding>\n`,
          )
          .join('');
        const note = [a.note, a.credibility !== null ? `Credibility ${a.credibility}` : '']
          .filter(Boolean)
          .join('\n\n');
        return `      <PlainTextSelection${attr('guid', guidFor('annotation', a.id))}${attr('name', a.quote.exact.slice(0, 60))}${attr('startPosition', convert.toCodePoints(a.position.start))}${attr('endPosition', convert.toCodePoints(a.position.end))}${attr('creatingUser', user)}${attr('creationDateTime', dateTime(a.createdAt))}${attr('modifiedDateTime', dateTime(a.updatedAt))}>\n${note ? `        <Description>${escapeXml(note)}</Description>\n` : ''}${codings}      </PlainTextSelection>\n`;
      })
      .join('');
    sources.push(
      `    <TextSource${attr('guid', guid)}${attr('name', article.title || article.fileName)}${attr('plainTextPath', `internal://${guid}.txt`)}${attr('creatingUser', exporter)}${attr('creationDateTime', dateTime(article.importedAt))}>\n      <Description>${escapeXml(description)}</Description>\n${selections}    </TextSource>\n`,
    );
    await progress.tick();
  }
  const usersXml = [...users]
    .map(([name, guid]) => `    <User${attr('guid', guid)}${attr('name', name)}/>\n`)
    .join('');
  const project = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="${PROJECT_NS}"${attr('name', opts.title ?? 'Corroborate dossier')}${attr('origin', dossier.exportedBy)}${attr('creatingUserGUID', exporter)}${attr('creationDateTime', dateTime(dossier.exportedAt))}>
  <Users>
${usersXml}  </Users>
  <CodeBook>
    <Codes>
${codesXml(dossier.tags, '      ')}    </Codes>
  </CodeBook>
  <Sources>
${sources.join('')}  </Sources>
</Project>
`;
  files['project.qde'] = strToU8(project);
  progress.finish();
  return zipSync(files);
}
