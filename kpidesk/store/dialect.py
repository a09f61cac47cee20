"""Where a shop lives (a local SQLite file or a PostgreSQL server), and the few places
where SQLite's SQL is not PostgreSQL's.

The store's queries are written once, in the SQL both engines share, with SQLite's `?`
placeholders. On PostgreSQL each statement passes through `to_postgres` once (cached):
`?` becomes psycopg's `%s`, and the handful of SQLite-only forms the code base uses are
rewritten to their standard equivalents (`INSERT OR IGNORE/REPLACE` → `ON CONFLICT`,
`a IS ?` → `IS NOT DISTINCT FROM`, `LIKE` → `ILIKE` (SQLite's LIKE ignores ASCII case),
`CAST(… AS REAL)` → double precision, `COLLATE BINARY` → `COLLATE "C"`). SQLite's scalar functions the queries call
(`julianday`, `strftime('%w', …)`, `ifnull`, `uuid_text`, …) exist on the server as SQL
functions made with the schema (`pg_schema.COMPAT_FUNCTIONS`), so those queries need no
second version. The schema itself is translated from SQLite's DDL (`ddl_to_postgres`).

Nothing here imports a database driver: this module only reads text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_server_url(location: object) -> bool:
    """Whether a --db value names a PostgreSQL database rather than a shop file.

    A `Path` made from such a text has lost a slash ('postgresql:/user@host/db'): that
    spelling is recognised too, so no folder named 'postgresql:' is ever created."""
    text = str(location).strip()
    lowered = text.lower()
    return lowered.startswith(SERVER_SCHEMES) or lowered.startswith(
        ("postgresql:/", "postgres:/"))


def normalise_url(location: object) -> str:
    """The URL as psycopg takes it (a slash lost by `Path` put back)."""
    text = str(location).strip()
    scheme, _, rest = text.partition(":")
    rest = rest.lstrip("/\\").replace("\\", "/")
    return f"{scheme.lower()}://{rest}"


def public_url(location: object) -> str:
    """The URL with its password left out: what messages, logs and settings show."""
    parts = urlsplit(normalise_url(location))
    netloc = parts.netloc
    if "@" in netloc:
        credentials, host = netloc.rsplit("@", 1)
        user = credentials.split(":", 1)[0]
        netloc = f"{user}@{host}" if user else host
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


# -- statements ---------------------------------------------------------------------
_TOKENS = re.compile(
    r"'(?:[^']|'')*'|\"[^\"]*\"|\?|%|::|:[A-Za-z_][A-Za-z0-9_]*|[^'\"?%:]+|:")


def _placeholders(sql: str) -> str:
    """`?` → `%s`, `:name` → `%(name)s`, `%` → `%%`, outside quoted text; `%` inside
    quotes doubled too (psycopg reads the whole statement)."""
    out = []
    for token in _TOKENS.findall(sql):
        if token == "?":
            out.append("%s")
        elif token == "%":
            out.append("%%")
        elif token.startswith(":") and len(token) > 1 and token[1] != ":":
            out.append(f"%({token[1:]})s")
        elif token.startswith("'"):
            out.append(token.replace("%", "%%"))
        else:
            out.append(token)
    return "".join(out)


_INSERT_OR = re.compile(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\w+)\s*\(([^)]*)\)",
                        re.IGNORECASE | re.DOTALL)
# SQLite's `a IS b` compares any two values, NULL too; PostgreSQL's IS takes NULL only
_IS_PARAM = re.compile(r"\bIS\s+(NOT\s+)?(?!(?:NULL|TRUE|FALSE|DISTINCT|UNKNOWN|NOT)\b)"
                       r"(?=\?|:\w|[A-Za-z_])", re.IGNORECASE)
_LIKE = re.compile(r"(?<![\w.])LIKE\b", re.IGNORECASE)
# Columns whose names PostgreSQL reserves: `user` (change_history, imports) and `end`
# (risk_spans). The code writes SQL keywords in capitals, so a lower-case `end` is the
# column, never CASE … END.
_USER = re.compile(r"(?<![\w\"])(user|end)(?![\w\"])")
_NOCASE_EQUALS = re.compile(r"([\w.]+)\s*=\s*([\w.]+|\?|:\w+)\s+COLLATE\s+NOCASE\b",
                            re.IGNORECASE)
_NOCASE = re.compile(r"([\w.]+)\s+COLLATE\s+NOCASE\b", re.IGNORECASE)
_TEMP = re.compile(r"(?<![\w.])temp\.", re.IGNORECASE)  # SQLite's temp schema
_CREATE = re.compile(r"^\s*CREATE\s+(TEMP\s+|TEMPORARY\s+|UNIQUE\s+)?(TABLE|INDEX)\b",
                     re.IGNORECASE)
# The schema's 0/1 flag columns, tested as truth values the SQLite way (WHEN o.active)
_FLAG = re.compile(r"\b(WHEN|NOT|AND|OR|WHERE|ON)\s+((?:\w+\.)?(?:is_daily_total|active|with_pin))"
                   r"\b(?!\s*(?:=|<>|!=|<|>|\bIS\b|\bIN\b))", re.IGNORECASE)
# `+column`: SQLite's way to keep an index out of a plan; PostgreSQL has no unary + on text
_UNARY_PLUS = re.compile(r"(?<=[\s(,=<>])\+(?=[A-Za-z_])")
# SQLite's `CROSS JOIN t ON …` (a join order forced on its planner) is an inner join
_CROSS_ON = re.compile(r"\bCROSS\s+JOIN(?=\s+[\w.]+(?:\s+(?:AS\s+)?(?!ON\b)\w+)?\s+ON\b)",
                       re.IGNORECASE)
_INDEXED = re.compile(r"\s(NOT\s+INDEXED|INDEXED\s+BY\s+\w+)\b", re.IGNORECASE)  # planner hints
_REAL = re.compile(r"\bAS\s+REAL\s*\)", re.IGNORECASE)
# SQLite's BINARY collation (code point order) is PostgreSQL's "C" whatever the
# database's own locale: text sorts the same on both stores, and the server's indexes
# made COLLATE "C" (`pg_schema.SERVER_INDEXES`) serve them
_BINARY = re.compile(r"\bCOLLATE\s+BINARY\b", re.IGNORECASE)


_SUBQUERY = re.compile(r"\b(FROM|JOIN)\s*\(\s*(SELECT|WITH)\b", re.IGNORECASE)
_ALIAS_AFTER = re.compile(r"\s*(AS\b|[A-Za-z_]\w*)", re.IGNORECASE)
_NOT_ALIAS = {"where", "group", "order", "limit", "union", "join", "left", "inner", "on",
              "cross", "having", "window", "except", "intersect", "natural", "full",
              "right", "offset", "returning", "using", "outer"}


def _alias_subqueries(sql: str) -> str:
    """PostgreSQL wants a name on every subquery in FROM or JOIN; SQLite does not."""
    count = 0
    position = 0
    while True:
        match = _SUBQUERY.search(sql, position)
        if not match:
            return sql
        start = sql.index("(", match.start())
        depth, i, quoted = 0, start, False
        while i < len(sql):
            char = sql[i]
            if char == "'":
                quoted = not quoted
            elif not quoted and char == "(":
                depth += 1
            elif not quoted and char == ")":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        after = _ALIAS_AFTER.match(sql, i + 1)
        if not after or after.group(1).lower() in _NOT_ALIAS:
            count += 1
            sql = f"{sql[:i + 1]} AS kpidesk_sub{count}{sql[i + 1:]}"
        position = start + 1


_UPSERT = re.compile(r"\bDO\s+UPDATE\s+SET\s+(.*?)(\s+WHERE\s+.*|\s+RETURNING\s+.*)?$",
                     re.IGNORECASE | re.DOTALL)
_INTO = re.compile(r"^\s*(?:WITH\b.*?\)\s*)?INSERT\s+INTO\s+(\w+)", re.IGNORECASE | re.DOTALL)


def _qualify_upsert(sql: str) -> str:
    """In `ON CONFLICT … DO UPDATE SET n = n + excluded.n` PostgreSQL finds a bare `n`
    ambiguous: it is the stored row's, so it is named with its table."""
    upsert = _UPSERT.search(sql)
    into = _INTO.match(sql)
    if not upsert or not into:
        return sql
    table = into.group(1)
    assignments = upsert.group(1)
    targets = set(re.findall(r"(?:^|,)\s*(\w+)\s*=", assignments))
    if not targets:
        return sql
    pattern = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, targets))
                         + r")(?![\w])(?!\s*=[^=])")
    qualified = pattern.sub(lambda m: f"{table}.{m.group(1)}", assignments)
    return sql[:upsert.start(1)] + qualified + sql[upsert.end(1):]


def _outside_quotes(sql: str, change) -> str:
    parts = re.split(r"('(?:[^']|'')*')", sql)
    return "".join(part if i % 2 else change(part) for i, part in enumerate(parts))


@lru_cache(maxsize=4096)
def to_postgres(sql: str, primary_keys: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> str:
    """One statement written for SQLite, as PostgreSQL takes it through psycopg.

    `primary_keys` ((table, columns), …) lets `INSERT OR REPLACE` name its conflict
    target; without an entry for the table it becomes DO NOTHING on any conflict."""
    if _CREATE.match(sql):  # a TEMP table or index made at run time
        return _placeholders(ddl_to_postgres(sql))
    suffix = ""
    match = _INSERT_OR.match(sql)
    if match:
        verb, table, columns = match.group(1).upper(), match.group(2), match.group(3)
        sql = f"INSERT INTO {table}({columns})" + sql[match.end():]
        if verb == "IGNORE":
            suffix = " ON CONFLICT DO NOTHING"
        else:
            keys = dict(primary_keys).get(table.lower())
            names = [c.strip().strip('"[]') for c in columns.split(",")]
            updates = [n for n in names if keys and n not in keys]
            if keys and updates:
                suffix = (f" ON CONFLICT ({', '.join(keys)}) DO UPDATE SET "
                          + ", ".join(f"{n} = EXCLUDED.{n}" for n in updates))
            else:
                suffix = " ON CONFLICT DO NOTHING"

    def change(text: str) -> str:
        text = _IS_PARAM.sub(lambda m: "IS DISTINCT FROM " if m.group(1)
                             else "IS NOT DISTINCT FROM ", text)
        text = _LIKE.sub("ILIKE", text)
        text = _NOCASE_EQUALS.sub(r"lower(\1) = lower(\2)", text)
        text = _NOCASE.sub(r"lower(\1)", text)
        text = _TEMP.sub("pg_temp.", text)
        text = _FLAG.sub(r"\1 (\2 <> 0)", text)
        text = _UNARY_PLUS.sub("", text)
        text = _CROSS_ON.sub("JOIN", text)
        text = _INDEXED.sub("", text)
        text = _USER.sub(r'"\1"', text)
        text = _BINARY.sub('COLLATE "C"', text)
        return _REAL.sub("AS double precision)", text)

    sql = _alias_subqueries(_outside_quotes(sql, change).rstrip().rstrip(";"))
    sql = _qualify_upsert(sql)
    if suffix:
        returning = re.search(r"\sRETURNING\s", sql, re.IGNORECASE)
        if returning:
            sql = sql[:returning.start()] + suffix + sql[returning.start():]
        else:
            sql += suffix
    return _placeholders(sql)


# -- schema -------------------------------------------------------------------------
_TYPES = [
    (re.compile(r"\bINTEGER\s+PRIMARY\s+KEY(\s+AUTOINCREMENT)?\b", re.IGNORECASE),
     "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
    (re.compile(r"\bINTEGER\b", re.IGNORECASE), "BIGINT"),
    (re.compile(r"\b(FLOAT|REAL|DOUBLE(?!\s+PRECISION))\b", re.IGNORECASE), "DOUBLE PRECISION"),
    (re.compile(r"\bBLOB\b", re.IGNORECASE), "BYTEA"),
    (re.compile(r"\)\s*WITHOUT\s+ROWID\s*$", re.IGNORECASE), ")"),
    # generated columns: PostgreSQL (before 18) stores them; SQLite computes them on read
    (re.compile(r"\)\s*VIRTUAL\b", re.IGNORECASE), ") STORED"),
]


def ddl_to_postgres(sql: str) -> str:
    """A CREATE TABLE or CREATE INDEX statement of SQLite's catalogue (as sqlite-utils and
    the migrations wrote it) in PostgreSQL's words: [name] quoting, column types, integer
    keys as identity columns, no WITHOUT ROWID."""
    sql = re.sub(r"\[([^\]]+)\]", r'"\1"', sql)
    sql = re.sub(r"`([^`]+)`", r'"\1"', sql)

    def change(text: str) -> str:
        for pattern, replacement in _TYPES:
            text = pattern.sub(replacement, text)
        return _USER.sub(r'"\1"', text)

    return _outside_quotes(sql, change)


_TRIGGER = re.compile(
    r"CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)\s+(BEFORE|AFTER)\s+"
    r"(INSERT|DELETE|UPDATE(?:\s+OF\s+[\w\s,]+?)?)\s+ON\s+(\w+)\s+"
    r"(?:FOR\s+EACH\s+ROW\s+)?(?:WHEN\s+(.*?)\s+)?BEGIN\s+(.*?);?\s*END\s*$",
    re.IGNORECASE | re.DOTALL)


def trigger_to_postgres(sql: str) -> list[str]:
    """A SQLite trigger (`RAISE(ABORT, …)` or plain statements on OLD/NEW) as a PL/pgSQL
    function and the trigger that calls it."""
    match = _TRIGGER.match(sql.strip())
    if not match:
        raise ValueError(f"trigger not understood: {sql[:80]}")
    name, timing, event, table, when, body = match.groups()
    statements = []
    for statement in (s.strip() for s in body.split(";") if s.strip()):
        raised = re.match(r"SELECT\s+RAISE\s*\(\s*(?:ABORT|FAIL|ROLLBACK)\s*,\s*('.*')\s*\)$",
                          statement, re.IGNORECASE | re.DOTALL)
        if raised:
            statements.append(f"RAISE EXCEPTION {raised.group(1)}")
        else:
            statements.append(to_postgres(statement).replace("%%", "%"))
    returned = "NULL" if timing.upper() == "AFTER" else (
        "OLD" if event.upper() == "DELETE" else "NEW")
    event = re.sub(r"\s+", " ", event.strip())
    function = f"{name}_fn"
    condition = f" WHEN ({when})" if when else ""
    return [
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$"
        f" BEGIN {'; '.join(statements)}; RETURN {returned}; END $$",
        f"DROP TRIGGER IF EXISTS {name} ON {table}",
        f"CREATE TRIGGER {name} {timing} {event} ON {table} FOR EACH ROW{condition}"
        f" EXECUTE FUNCTION {function}()",
    ]


# -- catalogue questions, asked the same way of either engine ------------------------
def is_postgres(conn: object) -> bool:
    """Whether a store connection is `pg.PgConnection` (else sqlite3)."""
    return getattr(conn, "dialect_name", "sqlite") == "postgresql"


def column_names(conn, table: str) -> list[str]:
    """The columns of a table that rows are written to, in order (generated columns, which
    SQLite's table_info leaves out too, are not among them)."""
    if is_postgres(conn):
        # the catalogue itself, not information_schema.columns: that view joins a dozen
        # catalogues and took 3-4 ms a call, several calls a sale
        return [r[0] for r in conn.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass("
            "quote_ident(current_schema()) || '.' || quote_ident(?)) AND attnum > 0"
            " AND NOT attisdropped AND attgenerated = '' ORDER BY attnum", (table,))]
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def foreign_keys(conn, table: str) -> list[tuple[str, str]]:
    """(referenced table, column of `table`) for each foreign key of `table`."""
    if is_postgres(conn):
        return [(r[0], r[1]) for r in conn.execute(
            "SELECT ccu.table_name, kcu.column_name"
            " FROM information_schema.table_constraints tc"
            " JOIN information_schema.key_column_usage kcu"
            " ON kcu.constraint_name = tc.constraint_name"
            " AND kcu.table_schema = tc.table_schema"
            " JOIN information_schema.constraint_column_usage ccu"
            " ON ccu.constraint_name = tc.constraint_name"
            " AND ccu.table_schema = tc.table_schema"
            " WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()"
            " AND tc.table_name = ?", (table,))]
    return [(fk[2], fk[3]) for fk in conn.execute(f'PRAGMA foreign_key_list("{table}")')]


def data_version(conn) -> int:
    """A number that moves when another connection commits a write: SQLite's
    `PRAGMA data_version`; on a server the counter every write transaction raises."""
    if is_postgres(conn):
        return int(conn.execute("SELECT n FROM data_version").fetchone()[0])
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def shop_label(location: object) -> str:
    """How a shop is named to the user: a file's path, or a server URL without password."""
    return public_url(location) if is_server_url(location) else str(location)
