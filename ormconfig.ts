import 'reflect-metadata';
import { loadConfig } from './src/config';
import { createDataSource, targetFromConfig } from './src/db/data-source';

/** The TypeORM CLI's view of the database: PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export default createDataSource(targetFromConfig(loadConfig()));
