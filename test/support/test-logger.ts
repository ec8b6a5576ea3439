import { createLogger } from '../../src/shared/logger';

/**
 * The tests' log: to LEC_TEST_LOG_FILE when set (global setup sets it, and global teardown scans the
 * whole suite's log for citizen IDs and passwords), silent otherwise. LEC_TEST_LOG_LEVEL overrides.
 */
export function testLogger() {
  const file = process.env.LEC_TEST_LOG_FILE;
  return createLogger(process.env.LEC_TEST_LOG_LEVEL ?? (file ? 'debug' : 'silent'), { file });
}
