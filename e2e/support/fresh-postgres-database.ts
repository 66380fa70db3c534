import { freshDatabase } from "../../db/test-support/postgres-databases";

// Before the browser tests' PostgreSQL server starts: its database, made afresh (as the SQLite
// half removes its file). DATABASE_URL names it, on the server of the tests.
const url = new URL(process.env.DATABASE_URL!);
const server = Object.assign(new URL(url), { pathname: "/postgres" }).toString();
void freshDatabase(server, url.pathname.slice(1));
