import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { OfflineBar } from './offline/offline-bar';
import { offlineLink, setOfflineClient } from './offline/offline-link';
import { registerServiceWorker } from './offline/register-sw';
import { startOfflineSync } from './offline/sync';
import { dataAsOfLink } from './lib/data-as-of';
import './fonts';
import './styles.css';

const client = new ApolloClient({
  // Offline: register writes are queued on the device and sent later (src/offline/); a replica's
  // answer carries the time its data are from (lib/data-as-of.ts).
  link: ApolloLink.from([
    offlineLink,
    dataAsOfLink,
    new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
  ]),
  cache: new InMemoryCache({
    // Lists are read whole from the server each time; no client-side merging.
    typePolicies: { OrgUnit: { keyFields: ['code'] } },
  }),
  defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
});

setOfflineClient(client);
startOfflineSync(client);
registerServiceWorker();

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <App />
      <OfflineBar />
    </ApolloProvider>
  </StrictMode>,
);
