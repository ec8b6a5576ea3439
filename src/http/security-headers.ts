import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers on every response (helmet). The web client is built by Vite into files served
 * from this host, with no inline script and nothing off-host, so its policy allows only 'self'.
 * `frame-ancestors 'none'` keeps the login page out of other sites' frames. HSTS is sent only on
 * https (helmet sends it always; browsers ignore it over http, but a plain-http intranet install
 * should not be told to insist on https), see `strictTransport`.
 */
const clientPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // The client declares its bundled Sarabun faces in a <style> element it adds (client/src/fonts.ts);
  // declaring them through the FontFace API instead would let this be 'self' alone.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/**
 * GraphiQL (development only) bundles Monaco, which starts its workers from blob: URLs; its page
 * gets this looser policy, still with nothing off-host.
 */
export const graphiqlPolicy = {
  ...clientPolicy,
  workerSrc: ["'self'", 'blob:'],
  scriptSrc: ["'self'", 'blob:'],
};

export function securityHeaders(): RequestHandler {
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: clientPolicy },
    // Same-origin only (the defaults): PDFs and downloads are opened from LEC's own pages.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
  });
  const hsts = helmet.strictTransportSecurity({ maxAge: 180 * 24 * 3600 });
  return (req, res, next) => {
    headers(req, res, (err?: unknown) => {
      if (err) return next(err);
      // Behind a TLS-terminating proxy on loopback ('trust proxy'), req.secure follows X-Forwarded-Proto.
      if (req.secure) return hsts(req, res, next);
      next();
    });
  };
}

export function graphiqlSecurityHeaders(): RequestHandler {
  return helmet.contentSecurityPolicy({ useDefaults: false, directives: graphiqlPolicy });
}
