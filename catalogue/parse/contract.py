"""The JSON contract of ``catalogue notes parse --json`` (tests/notes-parse.schema.json)."""

from __future__ import annotations

from .model import CitationDraft, ParsedNote


def citation_json(citation: CitationDraft) -> dict:
    """One citation as the contract spells it; extra fields follow the required ones."""
    return {
        "kind": citation.kind,
        "form": citation.form,
        "title": citation.title,
        "date": citation.date,
        "repository": citation.repository,
        "reference_code": citation.reference_code or citation.reference_code_cited,
        "file_title": citation.file_title,
        "authors": citation.authors or citation.editors,
        "container_title": citation.container_title,
        "volume": citation.volume,
        "place": citation.place,
        "publisher": citation.publisher,
        "year": citation.year,
        "locator": citation.locator,
        "antecedent_note": citation.antecedent_note,
        "unresolved_reason": citation.unresolved_reason,
        "via": citation_json(citation.via) if citation.via else None,
        "span": list(citation.span),
        "text": citation.text,
        "editors": citation.editors,
        "title_translated": citation.title_translated,
        "container_title_translated": citation.container_title_translated,
        "issue": citation.issue,
        "date_as_written": citation.date_as_written,
        "date_precision": citation.date_precision,
        "genre": citation.genre,
        "sender": citation.sender,
        "recipient": citation.recipient,
        "repository_known": citation.repository_known,
        "reference_code_cited": citation.reference_code_cited,
        "via_relation": citation.via_relation,
        "cross_reference_note": citation.cross_reference_note,
    }


def notes_json(notes: list[ParsedNote]) -> dict:
    return {
        "notes": [
            {
                "number": note.number,
                "text": note.text,
                "residue": note.residue,
                "citations": [citation_json(c) for c in note.citations],
                "messages": note.messages,
            }
            for note in notes
        ]
    }
