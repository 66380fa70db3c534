import { sql, type SQL } from "drizzle-orm";
import { databaseEngine } from "../../lib/config/env";

// The few spellings SQLite and PostgreSQL do not share, for the raw SQL of the data layer. The
// engine is the process's, as for the tables (db/tables.ts). Everything else in raw SQL is written
// in what both engines read alike: quoted camelCase aliases, IS NOT DISTINCT FROM, aliased
// subqueries, conditions on parameters decided before the query.

const onPostgres = databaseEngine() === "postgresql";

type ColumnType = "integer" | "text";

/** Up to this many values, a list is written into the statement; beyond, it is one JSON parameter. */
const MAX_LISTED_PARAMETERS = 2_000;

/**
 * Rows given as one JSON parameter, as a subquery with named, typed columns: a list of any length
 * (a statement takes a limited number of parameters) joined like a table.
 */
export function jsonRows(rows: readonly (readonly (string | number | null)[])[], columns: readonly (readonly [name: string, type: ColumnType])[]): SQL {
  const json = JSON.stringify(rows);
  if (onPostgres) {
    // A short list as VALUES: the planner then knows how many rows it holds (it guesses a hundred for
    // a JSON array), and picks index lookups over scans of whole tables.
    if (rows.length > 0 && rows.length * columns.length <= MAX_LISTED_PARAMETERS) {
      const types = columns.map(([, type]) => sql.raw(type === "integer" ? "integer" : "text"));
      const values = rows.map(
        (row) =>
          sql`(${sql.join(
            row.map((cell, i) => sql`CAST(${cell} AS ${types[i]})`),
            sql`, `,
          )})`,
      );
      return sql`(SELECT * FROM (VALUES ${sql.join(values, sql`, `)}) AS listed (${sql.raw(columns.map(([name]) => name).join(", "))}))`;
    }
    const list = columns.map(([name, type], i) => sql.raw(type === "integer" ? `(value->>${i})::integer AS ${name}` : `value->>${i} AS ${name}`));
    return sql`(SELECT ${sql.join(list, sql`, `)} FROM json_array_elements(${json}::json))`;
  }
  const list = columns.map(([name], i) => sql.raw(`json_extract(value, '$[${i}]') AS ${name}`));
  return sql`(SELECT ${sql.join(list, sql`, `)} FROM json_each(${json}))`;
}

/** A list of ids as a subquery of one column, `value`: for `IN ${jsonIds(ids)}`. */
export const jsonIds = (ids: readonly number[]): SQL =>
  jsonRows(
    ids.map((id) => [id]),
    [["value", "integer"]],
  );

/** A JSON object of names and SQL values, as text. */
export function jsonObject(pairs: Record<string, SQL>): SQL {
  const list = Object.entries(pairs).map(([name, value]) => sql`${sql.raw(`'${name}'`)}, ${value}`);
  return onPostgres ? sql`json_build_object(${sql.join(list, sql`, `)})` : sql`json_object(${sql.join(list, sql`, `)})`;
}

/** The aggregate JSON array of `element` over a group's rows in `orderBy`'s order, as text: '[]' for none. */
export function jsonArrayAgg(element: SQL, orderBy: SQL): SQL {
  return onPostgres ? sql`coalesce(json_agg(${element} ORDER BY ${orderBy})::text, '[]')` : sql`json_group_array(${element} ORDER BY ${orderBy})`;
}

/** `column` matches a LIKE pattern (escaped with backslashes), whatever the letters' case. */
export const likeAnyCase = (column: SQL | unknown, pattern: string): SQL => (onPostgres ? sql`${column} ILIKE ${pattern} ESCAPE '\\'` : sql`${column} LIKE ${pattern} ESCAPE '\\'`);
