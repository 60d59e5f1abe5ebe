"""The summaries: per-claim and per-archive aggregates over the evidence chain, kept as
tables (``derived_*``) so that pages listing them read an index instead of grouping the
whole chain on every request; rebuilt after every write.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

# Aggregates over every claim, kept as a table so that pages listing them read an index
# instead of grouping the whole evidence chain on every request; rebuilt after every write.
#
# Archival evidence (documents cited directly, held by a repository) and published evidence
# (works, documents printed in them or known only "cited in" them) are counted apart. A
# claim is corroborated across borders when archives of two countries or more support it;
# a source whose country is unknown is counted as unknown, never left out.
CLAIM_SUMMARY = """
CREATE TABLE derived_claim_summary AS
SELECT claim_id, min(claim) AS claim, min(citing_work) AS citing_work,
       count(DISTINCT country) AS country_count, {countries} AS countries,
       count(DISTINCT CASE WHEN evidence = 'archival' THEN country END) AS archive_country_count,
       {archive_countries} AS archive_countries,
       {archives} AS archives,
       sum(CASE WHEN evidence = 'archival' AND country IS NULL THEN 1 ELSE 0 END) AS archival_unknown_country,
       count(DISTINCT CASE WHEN evidence = 'published' THEN country END) AS publication_country_count,
       {publication_countries} AS publication_countries,
       sum(CASE WHEN evidence = 'published' AND country IS NULL THEN 1 ELSE 0 END) AS published_unknown_country,
       sum(CASE WHEN evidence = 'unplaced' THEN 1 ELSE 0 END) AS unplaced,
       count(DISTINCT document_id) AS documents,
       count(DISTINCT CASE WHEN evidence = 'archival' THEN document_id END) AS archival_documents,
       count(DISTINCT CASE WHEN genre = 'intelligence_report' THEN document_id END) AS intelligence_reports,
       count(DISTINCT work_id) AS works,
       sum(CASE WHEN kind = 'cited_document' THEN 1 ELSE 0 END) AS cited_in,
       sum(CASE WHEN kind IN ('archival', 'published_document')
                 OR (kind = 'published' AND work_id IS NOT NULL) THEN 1 ELSE 0 END) AS consulted,
       count(*) AS citations
FROM evidence_chain
GROUP BY claim_id
"""
CLAIM_SUMMARY_INDEXES = (
    "claim_id",
    "country_count, claim_id",
    "archive_country_count, claim_id",
    "documents, works, claim_id",
    "cited_in, consulted",
)
AGGREGATED = {  # the lists the summary keeps, as comma-separated text
    "countries": "country",
    "archive_countries": "CASE WHEN evidence = 'archival' THEN country END",
    "archives": "CASE WHEN evidence = 'archival' THEN repository END",
    "publication_countries": "CASE WHEN evidence = 'published' THEN country END",
}

# How many claims and documents rest on each archive, for its page.
REPOSITORY_SUMMARY = """
CREATE TABLE derived_repository_summary AS
SELECT repository_id, count(DISTINCT claim_id) AS claims, count(DISTINCT document_id) AS documents
FROM evidence_chain WHERE repository_id IS NOT NULL
GROUP BY repository_id
"""
SUMMARIES = ("derived_claim_summary", "derived_repository_summary")

DIALECT_SQL = {
    "sqlite": {"aggregate": "group_concat(DISTINCT {0})"},
    "postgresql": {"aggregate": "string_agg(DISTINCT {0}, ',' ORDER BY {0})"},
}


def claim_summary_sql(dialect: str) -> str:
    aggregate = DIALECT_SQL[dialect]["aggregate"]
    return CLAIM_SUMMARY.format(**{name: aggregate.format(expression) for name, expression in AGGREGATED.items()})


def create_summaries(connection: Connection) -> None:
    """Build the summary tables and their indexes from the evidence chain (which must exist)."""
    connection.execute(text(claim_summary_sql(connection.dialect.name)))
    for columns in CLAIM_SUMMARY_INDEXES:
        name = "_".join(c.strip() for c in columns.split(","))
        connection.execute(text(f"CREATE INDEX derived_claim_summary_{name} ON derived_claim_summary ({columns})"))
    connection.execute(text(REPOSITORY_SUMMARY))
    connection.execute(
        text(
            "CREATE UNIQUE INDEX derived_repository_summary_repository_id ON derived_repository_summary (repository_id)"
        )
    )
