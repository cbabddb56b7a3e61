// Integration and e2e tests start real servers (database, redis-server, SMTP, child processes):
// a generous ceiling per test, so a slow machine fails only on a real hang.
jest.setTimeout(120_000);
