/** Applies pending migrations to DATA_DIR/dateline.db (the server also does this at start). */
import { databaseFile, getDb } from '@/db/client';

getDb();
console.log(`Migrated ${databaseFile()}.`);
