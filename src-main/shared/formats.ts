// The one list of file formats: what can be imported (articles and dossiers, by extension), what can be exported,
// and the extension and MIME type each export is saved with. Every shell and the renderer read it from here.

/** The importers of article files; a file's content decides in the end, the extension is what it claims to be. */
export type ArticleFileFormat = 'pdf' | 'docx' | 'txt' | 'md' | 'html' | 'eml' | 'image';

/** Extension (lower case, no dot) → the article format it declares. */
export const ARTICLE_EXTENSIONS: Readonly<Record<string, ArticleFileFormat>> = {
  pdf: 'pdf',
  docx: 'docx',
  docm: 'docx',
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  eml: 'eml',
  // Scans and photographs of documents, read by OCR.
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  tif: 'image',
  tiff: 'image',
};

/** Files read as a dossier to restore or merge: the lossless JSON, a REFI-QDA project or codebook. */
export const DOSSIER_EXTENSIONS = ['json', 'qdpx', 'qdc'] as const;

/** Every extension the workbench imports, for file pickers and for walking dropped folders. */
export const IMPORTABLE_EXTENSIONS: readonly string[] = [
  ...Object.keys(ARTICLE_EXTENSIONS),
  ...DOSSIER_EXTENSIONS,
];

/** The extension of a file name or path, lower case and without the dot; '' when there is none. */
export function extensionOf(name: string): string {
  const match = /\.([^./\\]+)$/.exec(name.trim());
  return match ? match[1]!.toLowerCase() : '';
}

export function articleFormatOf(name: string): ArticleFileFormat | null {
  return ARTICLE_EXTENSIONS[extensionOf(name)] ?? null;
}

/**
 * Whether a file may hold scanned pages read by OCR (which reports its progress page by page), as its name claims:
 * PDFs, images, and files whose extension names no article format.
 */
export function mayHoldScans(name: string): boolean {
  const format = articleFormatOf(name);
  return format === null || format === 'pdf' || format === 'image';
}

export function isDossierName(name: string): boolean {
  return (DOSSIER_EXTENSIONS as readonly string[]).includes(extensionOf(name));
}

export function isImportableName(name: string): boolean {
  return IMPORTABLE_EXTENSIONS.includes(extensionOf(name));
}

/** The `accept` list of a file input: every importable extension with its dot. */
export const IMPORT_ACCEPT = IMPORTABLE_EXTENSIONS.map((ext) => `.${ext}`).join(',');

/** Export formats. PDF is not rendered on its own: it is the HTML export, printed. */
export const EXPORT_FORMATS = ['html', 'pdf', 'docx', 'md', 'csv', 'json', 'w3c', 'qdpx', 'qdc'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The formats an exporter renders directly (every one but PDF, which prints the HTML export). */
export type RenderedFormat = Exclude<ExportFormat, 'pdf'>;

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** File extension written for each format (csv is a zip holding annotations.csv and statements.csv). */
export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = {
  html: '.html',
  pdf: '.pdf',
  docx: '.docx',
  md: '.md',
  csv: '.zip',
  json: '.json',
  w3c: '.jsonld',
  qdpx: '.qdpx',
  qdc: '.qdc',
};

export const EXPORT_MIME_TYPES: Readonly<Record<ExportFormat, string>> = {
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown',
  csv: 'application/zip',
  json: 'application/json',
  w3c: 'application/ld+json',
  qdpx: 'application/zip',
  qdc: 'application/xml',
};

/** Strips any export format's extension from a name (before the chosen format's own is added). */
export function withoutExportExtension(name: string): string {
  const known = new Set([...Object.values(EXPORT_EXTENSIONS), '.htm', '.csv'].map((e) => e.slice(1)));
  const ext = extensionOf(name);
  return known.has(ext) ? name.slice(0, name.length - ext.length - 1) : name;
}
