import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { dataAsOfLink } from './lib/data-as-of';
import './fonts';
import './styles.css';

const client = new ApolloClient({
  link: ApolloLink.from([dataAsOfLink, new HttpLink({ uri: '/graphql', credentials: 'same-origin' })]),
  cache: new InMemoryCache({
    // Lists are read whole from the server each time; no client-side merging.
    typePolicies: { OrgUnit: { keyFields: ['code'] } },
  }),
  defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
});

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <App />
    </ApolloProvider>
  </StrictMode>,
);
