"""Records in Contexts (RiC-O 1.1) as JSON-LD: archives, their record sets and documents, and
the documents each claim rests on.

    repository  ─► rico:CorporateBody  rico:name, rico:hasOrHadAgentName ─► rico:AgentName,
                                       rico:agentHasOrHadLocation ─► rico:Place (its city)
    record set  ─► rico:RecordSet      rico:hasOrHadHolder, rico:isOrWasIncludedIn (its parent),
                                       rico:hasOrHadIdentifier ─► rico:Identifier, rico:hasRecordSetType
    document    ─► rico:Record         rico:title, rico:hasOrHadIdentifier, rico:isOrWasIncludedIn,
                                       rico:hasOrHadHolder, rico:hasCreationDate ─► rico:Date
    claim       ─► rico:Relation       rico:generalDescription (its text), rico:isEvidencedBy its documents

A claim is an assertion of a citing work that the documents it cites evidence: RiC-O 1.1's
n-ary rico:Relation with rico:isEvidencedBy (a Record Resource) says exactly that. Dates
are rico:Date with rico:expressedDate and rico:normalizedDateValue (EDTF); 1.1 has no
SingleDate or DateRange. Every IRI is ``BASE`` + table/id.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from rdflib import RDF, Graph, Literal, Namespace, URIRef

from ..text import fold
from .rows import Catalogue

BASE = "https://catalogue.example/"
RICO = Namespace("https://www.ica.org/standards/RiC/ontology#")
RECORD_SET_TYPES = Namespace("https://www.ica.org/standards/RiC/vocabularies/recordSetTypes#")
# The catalogue's levels that RiC's record set types name; subfonds, subseries, item and other have none.
LEVEL_TYPES = {"fonds": "Fonds", "series": "Series", "file": "File", "collection": "Collection"}
CONTEXT = {"rico": str(RICO), "ric-rst": str(RECORD_SET_TYPES)}


def iri(*path: str | int) -> URIRef:
    """The IRI of a catalogue row or of a node that belongs to one.

    >>> iri("documents", 5, "identifier")
    rdflib.term.URIRef('https://catalogue.example/documents/5/identifier')
    """
    return URIRef(BASE + "/".join(quote(str(part), safe="") for part in path))


def place_iri(city: str, country_code: str | None) -> URIRef:
    """One place per city and country, shared by the archives there ("places/VN/hanoi")."""
    return iri("places", country_code or "-", fold(city) or city)


def _literal(value: str, language: str | None = None) -> Literal:
    return Literal(value, lang=language or None)


def _identifier(graph: Graph, subject: URIRef, value: str) -> None:
    node = URIRef(f"{subject}/identifier")
    graph.add((subject, RICO.hasOrHadIdentifier, node))
    graph.add((node, RDF.type, RICO.Identifier))
    graph.add((node, RICO.textualValue, Literal(value)))


def add_repository(graph: Graph, repository: dict) -> None:
    subject = iri("repositories", repository["id"])
    graph.add((subject, RDF.type, RICO.CorporateBody))
    graph.add((subject, RICO.name, Literal(repository["authorised_name"])))
    for number, name in enumerate(repository.get("names") or [], start=1):
        node = iri("repositories", repository["id"], "names", number)
        graph.add((subject, RICO.hasOrHadAgentName, node))
        graph.add((node, RDF.type, RICO.AgentName))
        graph.add((node, RICO.textualValue, _literal(name["name"], name.get("language"))))
    if repository.get("city"):
        place = place_iri(repository["city"], repository.get("country_code"))
        graph.add((subject, RICO.agentHasOrHadLocation, place))
        graph.add((place, RDF.type, RICO.Place))
        graph.add((place, RICO.name, Literal(repository["city"])))


def add_record_set(graph: Graph, record_set: dict) -> None:
    subject = iri("record_sets", record_set["id"])
    graph.add((subject, RDF.type, RICO.RecordSet))
    graph.add((subject, RICO.hasOrHadHolder, iri("repositories", record_set["repository_id"])))
    if record_set.get("parent_id") is not None:
        graph.add((subject, RICO.isOrWasIncludedIn, iri("record_sets", record_set["parent_id"])))
    _identifier(graph, subject, record_set["path"])
    if record_set.get("title"):
        graph.add((subject, RICO.title, Literal(record_set["title"])))
    if level := LEVEL_TYPES.get(record_set.get("level") or ""):
        graph.add((subject, RICO.hasRecordSetType, RECORD_SET_TYPES[level]))


def add_document(graph: Graph, document: dict) -> None:
    subject = iri("documents", document["id"])
    graph.add((subject, RDF.type, RICO.Record))
    if document.get("title"):
        graph.add((subject, RICO.title, _literal(document["title"], document.get("language"))))
    if document.get("reference_code"):
        _identifier(graph, subject, document["reference_code"])
    if document.get("record_set"):
        graph.add((subject, RICO.isOrWasIncludedIn, iri("record_sets", document["record_set"]["id"])))
    if document.get("repository"):
        graph.add((subject, RICO.hasOrHadHolder, iri("repositories", document["repository"]["id"])))
    if document.get("date_edtf") or document.get("date_as_written"):
        date = URIRef(f"{subject}/creation-date")
        graph.add((subject, RICO.hasCreationDate, date))
        graph.add((date, RDF.type, RICO.Date))
        if document.get("date_as_written"):
            graph.add((date, RICO.expressedDate, Literal(document["date_as_written"])))
        if document.get("date_edtf"):
            graph.add((date, RICO.normalizedDateValue, Literal(document["date_edtf"])))
    if document.get("description"):
        graph.add((subject, RICO.scopeAndContent, Literal(document["description"])))


def add_claim(graph: Graph, claim: dict) -> None:
    """A claim resting on documents, as a Relation they evidence; a claim resting on published
    works only has no Record to point to and is left out."""
    if not claim["document_ids"]:
        return
    subject = iri("claims", claim["id"])
    graph.add((subject, RDF.type, RICO.Relation))
    graph.add((subject, RICO.generalDescription, Literal(claim["text"])))
    for document_id in claim["document_ids"]:
        graph.add((subject, RICO.isEvidencedBy, iri("documents", document_id)))


def rico_graph(catalogue: Catalogue) -> Graph:
    """The catalogue's archives, record sets, documents and claims as an RDF graph."""
    graph = Graph()
    graph.bind("rico", RICO)
    graph.bind("ric-rst", RECORD_SET_TYPES)
    for repository in catalogue.repositories:
        add_repository(graph, repository)
    for record_set in catalogue.record_sets:
        add_record_set(graph, record_set)
    for document in catalogue.documents:
        add_document(graph, document)
    for claim in catalogue.claims:
        add_claim(graph, claim)
    return graph


def _natural(node: dict) -> list:
    """Sorts "documents/2" before "documents/10"."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", node.get("@id", ""))]


def rico_jsonld(catalogue: Catalogue) -> str:
    """The graph as compact JSON-LD, one node per resource in IRI order, so that the same
    catalogue always gives the same text."""
    document = json.loads(rico_graph(catalogue).serialize(format="json-ld", context=CONTEXT))
    if isinstance(document, dict) and "@graph" in document:
        document["@graph"].sort(key=_natural)
    return json.dumps(document, ensure_ascii=False, indent=1)
