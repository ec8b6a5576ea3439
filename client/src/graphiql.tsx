// Monaco's web workers, bundled by Vite (must come before GraphiQL renders).
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  // Apollo's CSRF prevention lets a request through when it names this header.
  headers: { 'apollo-require-preflight': 'true' },
  // Send the session cookie.
  fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
});

const container = document.getElementById('graphiql');
if (!container) throw new Error('#graphiql is missing from graphiql.html');
createRoot(container).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={'{\n  version\n}\n'} />
  </StrictMode>,
);
