import 'reflect-metadata';
import { loadConfig } from './src/shared/config';
import { createDataSource, targetFromConfig } from './src/db/data-source';
import { entities } from './src/composition/entities';

/** The TypeORM CLI's view of the database: PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export default createDataSource(targetFromConfig(loadConfig()), entities);
