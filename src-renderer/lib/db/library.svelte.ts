// The library list (one row per article, no text), shared by every screen that lists articles; and the sources,
// shared by every screen that names speakers (one read per write for all of them, not one each).
import { library, NO_SOURCES } from './queries';
import { sharedLive } from './live.svelte';

export const workspaceSources = sharedLive(library.sourcesIndexed, NO_SOURCES);

export const libraryArticles = sharedLive(library.articles, []);
