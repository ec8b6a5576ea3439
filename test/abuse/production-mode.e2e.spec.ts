import { codeOf, startTestServer, type TestServer } from '../support/test-server';

/** In production the schema is not described to strangers: no introspection, no GraphiQL, no field suggestions. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ production: true });
});
afterAll(() => server.close());

it('refuses introspection and names no fields in its refusals', async () => {
  const intro = await server.gql('{ __schema { types { name } } }');
  expect(codeOf(intro)).toBe('BAD_USER_INPUT');
  expect(intro.data ?? null).toBeNull();
  const typo = await server.gql('{ orgUnitt(code: "54") { name } }');
  expect(codeOf(typo)).toBe('BAD_USER_INPUT');
  expect(typo.errors![0].message).not.toMatch(/Did you mean|orgUnit"/);
  expect((await fetch(`${server.url}/graphiql`)).status).toBe(404);
});
