// The open article as every screen beside the reader shows it (the reader, the inspector, the library's and the
// reader's version lists): one live read per article, shared, where each screen read it again on every open.
import { sharedLiveBy } from './live.svelte';
import { library } from './queries';
import { versions } from './versions';

/** The article with this id (null for none). */
export const articleLive = sharedLiveBy(library.article, null);
/** Its statements in text order. */
export const statementsLive = sharedLiveBy(library.statementsOf, []);
/** Its versions, oldest first. */
export const versionsLive = sharedLiveBy(versions.history, []);
