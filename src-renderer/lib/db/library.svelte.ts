// The library list (one row per article, no text), shared by every screen that lists articles.
import { library } from './queries';
import { sharedLive } from './live.svelte';

export const libraryArticles = sharedLive(library.articles, []);
