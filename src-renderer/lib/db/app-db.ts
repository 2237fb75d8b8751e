// The one database instance of the renderer. Every module of lib/db binds its db-first functions to it in one
// facade object; features reach the database only through those facades (exported by lib/db/index.ts).
import { openDatabase } from './db';

export const db = openDatabase();
