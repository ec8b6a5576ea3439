import type { Request, Response } from 'express';
import type { Logger } from '../shared/logger';
import { sendHttpError } from './http-errors';
import { requestIdOf } from './request-id';

export type Handler = (req: Request, res: Response, requestId: string) => Promise<void>;

/** Refusals as `{ code, message, ...details }` with their HTTP status (src/http/http-errors.ts). */
export function jsonRoute(logger: Logger, what: string, work: Handler) {
  return async (req: Request, res: Response) => {
    const requestId = requestIdOf(req);
    try {
      await work(req, res, requestId);
    } catch (e) {
      sendHttpError(res, e, logger, { requestId, route: what });
    }
  };
}
