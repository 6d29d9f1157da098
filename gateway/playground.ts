import { dirname, resolve } from 'node:path';
import express, { type Router } from 'express';
import { projectRoot } from '../services/core/config';

const here = resolve(projectRoot(), 'gateway/playground');
/** A file of an installed package, by its folder (package `exports` hide the UMD builds). */
const asset = (packageName: string, file: string) => resolve(dirname(require.resolve(`${packageName}/package.json`)), file);

/** GraphiQL, React and the page itself, all from the hub's own files: no CDN, no internet. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: asset('react', 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { file: asset('react-dom', 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { file: asset('graphiql', 'dist/index.umd.js'), type: 'text/javascript' },
  'graphiql.css': { file: asset('graphiql', 'dist/style.css'), type: 'text/css' },
  'playground.js': { file: resolve(here, 'playground.js'), type: 'text/javascript' },
};

/** Only the hub's own origin may supply scripts, styles, fonts or data to the page. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'";

export function playgroundRouter(): Router {
  const router = express.Router();
  router.get('/playground', (_request, response) => {
    response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    response.sendFile(resolve(here, 'index.html'));
  });
  router.get('/playground/assets/:name', (request, response) => {
    const entry = ASSETS[request.params.name];
    if (!entry) return void response.status(404).end();
    response.type(entry.type).setHeader('Cache-Control', 'public, max-age=3600');
    response.sendFile(entry.file);
  });
  router.get('/', (_request, response) => response.redirect('/playground'));
  return router;
}
