// Imports a REFI-QDA project (.qdpx) as a dossier: text sources become articles, codes tags, codings annotations.
import { createHash } from 'node:crypto';
import { strFromU8 } from 'fflate';
import { AppError } from '../../shared/errors';
import { inflateGuarded } from '../import/zip-inflate';
import type { Annotation, Article } from '../../shared/domain';
import { withoutMetadata } from '../../shared/extraction';
import { emptyDossier, validateDossier, type Dossier } from '../../shared/dossier';
import { offsetConverter } from '../../shared/dossier/offsets';
import {
  attribute,
  childElements,
  firstChild,
  parseXmlRoot,
  tagsFromCodes,
  type XmlElement,
} from './refi-common';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const CONTEXT = 32;

/** Finds a source's text: inline <PlainTextContent> or a file under sources/ named by an internal:// path. */
function sourceText(el: XmlElement, files: Record<string, Uint8Array>): string | null {
  const inline = firstChild(el, 'PlainTextContent')?.textContent;
  if (inline != null) return inline;
  const path = attribute(el, 'plainTextPath');
  if (!path) return null;
  const name = path.replace(/^internal:\/\//, '');
  // Only names inside the zip's sources/ folder are read; nothing outside it is ever touched.
  const bytes =
    files[`sources/${name}`] ??
    Object.entries(files).find(([k]) => k.toLowerCase() === `sources/${name}`.toLowerCase())?.[1];
  return bytes ? strFromU8(bytes).replace(/^\uFEFF/, '') : null;
}

/** Largest unpacked size accepted for a .qdpx (its sources are plain text). */
export const MAX_QDPX_UNPACKED_BYTES = 500 * 1024 * 1024;

/**
 * Unpacks project.qde and sources/ through the streaming guard: the whole archive's real unpacked size is
 * counted and capped, and headers that lie about sizes are refused.
 */
function unpackProject(bytes: Uint8Array): Record<string, Uint8Array> {
  try {
    const { kept } = inflateGuarded(bytes, {
      what: 'the REFI-QDA project',
      maxTotalBytes: MAX_QDPX_UNPACKED_BYTES,
      keep: (name) => name === 'project.qde' || /^sources\//i.test(name),
    });
    return Object.fromEntries(kept);
  } catch (err) {
    if (err instanceof AppError) throw new Error(`Not imported: ${err.message}`, { cause: err });
    throw new Error('Not a REFI-QDA project: the file is not a zip archive', { cause: err });
  }
}

interface ProjectContext {
  files: Record<string, Uint8Array>;
  now: string;
  /** User GUID → name, for annotation authors. */
  users: Map<string, string>;
  tagIds: Set<string>;
}

/** Phase 1: project.qde parsed, with its users and codebook. */
function readProject(
  files: Record<string, Uint8Array>,
  now: string,
): { root: XmlElement; d: Dossier; ctx: ProjectContext } {
  const projectBytes = files['project.qde'];
  if (!projectBytes) throw new Error('Not a REFI-QDA project: project.qde is missing');
  const root = parseXmlRoot(strFromU8(projectBytes), 'Project');
  const d = emptyDossier(now, attribute(root, 'origin') ?? 'REFI-QDA');
  const users = new Map<string, string>();
  for (const u of childElements(firstChild(root, 'Users') ?? root, 'User'))
    users.set(attribute(u, 'guid') ?? '', attribute(u, 'name') ?? '');
  d.tags = tagsFromCodes(firstChild(firstChild(root, 'CodeBook') ?? root, 'Codes'), now);
  return { root, d, ctx: { files, now, users, tagIds: new Set(d.tags.map((t) => t.id)) } };
}

/** Phase 2: one text source as an article. */
function articleFromSource(el: XmlElement, text: string, now: string): Article {
  const id = attribute(el, 'guid') ?? sha256(text);
  return {
    id,
    ...withoutMetadata(text),
    title: attribute(el, 'name') ?? 'Untitled source',
    textSha256: sha256(text),
    fileSha256: sha256(strToBytes(text)),
    fileName: `${attribute(el, 'name') ?? id}.txt`,
    format: 'txt',
    fileSize: strToBytes(text).length,
    importedAt: now,
    updatedAt: now,
    versionOf: null,
  };
}

/** Phase 3: one coded selection as an annotation (null when its positions make no sense). */
function annotationFromSelection(
  sel: XmlElement,
  article: Article,
  convert: ReturnType<typeof offsetConverter>,
  ctx: ProjectContext,
): Annotation | null {
  const { text, id } = article;
  const startPoint = Number(attribute(sel, 'startPosition'));
  const endPoint = Number(attribute(sel, 'endPosition'));
  if (!Number.isInteger(startPoint) || !Number.isInteger(endPoint) || startPoint < 0 || endPoint < startPoint)
    return null;
  const start = convert.toUtf16(startPoint);
  const end = Math.min(text.length, convert.toUtf16(endPoint));
  const description = firstChild(sel, 'Description')?.textContent ?? '';
  const credibility = /(?:^|\n\n)Credibility ([1-6])$/.exec(description);
  const time = attribute(sel, 'creationDateTime') ?? ctx.now;
  return {
    id: attribute(sel, 'guid') ?? `${id}:${start}:${end}`,
    articleId: id,
    statementIds: [],
    quote: {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT), start),
      suffix: text.slice(end, end + CONTEXT),
    },
    position: { start, end },
    note: credibility ? description.slice(0, credibility.index) : description,
    tagIds: [
      ...new Set(
        childElements(sel, 'Coding')
          .flatMap((c) => childElements(c, 'CodeRef').map((r) => attribute(r, 'targetGUID') ?? ''))
          .filter((g) => ctx.tagIds.has(g)),
      ),
    ],
    credibility: credibility ? Number(credibility[1]) : null,
    author: ctx.users.get(attribute(sel, 'creatingUser') ?? '') ?? '',
    orphaned: false,
    createdAt: time,
    updatedAt: attribute(sel, 'modifiedDateTime') ?? time,
  };
}

/** Unpack (guarded), read the project, turn sources and selections into records, validate the result. */
export function importQdpx(bytes: Uint8Array, now = new Date().toISOString()): Dossier {
  const { root, d, ctx } = readProject(unpackProject(bytes), now);
  for (const el of childElements(firstChild(root, 'Sources') ?? root, 'TextSource')) {
    const text = sourceText(el, ctx.files);
    if (text === null) continue;
    const article = articleFromSource(el, text, now);
    d.articles.push(article);
    const convert = offsetConverter(text);
    for (const sel of childElements(el, 'PlainTextSelection')) {
      const annotation = annotationFromSelection(sel, article, convert, ctx);
      if (annotation) d.annotations.push(annotation);
    }
  }
  const checked = validateDossier(d);
  if (!checked.ok)
    throw new Error(
      `The project could not be read as a dossier: ${checked.errors[0]!.path}: ${checked.errors[0]!.message}`,
    );
  return checked.dossier;
}

const strToBytes = (text: string) => new TextEncoder().encode(text);
