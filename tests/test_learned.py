"""The learned stage (catalogue/parse/learned.py): a CRF that fills the imprint fields the
rules leave empty in a published reference, trained on the development corpora."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogue.cli import cli
from catalogue.parse.learned import MODEL, fields_from_tags, fill_gaps, labels_for, tokens, train
from catalogue.parse.model import CitationDraft
from catalogue.parse.scoring import training_examples

HERE = Path(__file__).parent


def test_labels_mark_each_expected_field_where_it_is_written():
    text = "Pierre Brocheux, Une histoire économique du Viet Nam, Paris, Les Indes savantes, 2009, p. 12"
    expected = {
        "authors": ["Pierre Brocheux"],
        "title": "Une histoire économique du Viet Nam",
        "place": "Paris",
        "publisher": "Les Indes savantes",
        "year": 2009,
        "locator": "p. 12",
    }
    labelled = dict(zip((word for word, _s, _e in tokens(text)), labels_for(text, expected), strict=True))
    assert labelled["Brocheux"] == "authors"
    assert labelled["économique"] == "title"
    assert labelled["Paris"] == "place"
    assert labelled["savantes"] == "publisher"
    assert labelled["2009"] == "year"
    assert labelled["12"] == "locator"
    assert labelled[","] == "O"


def test_a_year_inside_the_title_is_not_the_imprint_year():
    text = "Die DDR 1949–1972, Berlin, Links, 2000"
    labels = labels_for(text, {"title": "Die DDR 1949–1972", "year": 2000})
    assert labels[tokens(text).index(("1949", 8, 12))] == "title"
    assert labels[-1] == "year"


def test_tags_give_each_field_as_written():
    text = "Hà Nội, Nxb. Sự thật, 1960, tr. 12"
    tags = [
        "place",
        "place",
        "O",
        "publisher",
        "publisher",
        "publisher",
        "publisher",
        "O",
        "year",
        "O",
        "locator",
        "locator",
        "locator",
    ]
    assert fields_from_tags(text, tags) == {
        "place": "Hà Nội",
        "publisher": "Nxb. Sự thật",
        "year": 1960,
        "locator": "tr. 12",
    }


def _book(text: str, **fields) -> CitationDraft:
    return CitationDraft(kind="published", form="full", span=(0, len(text)), text=text, **fields)


def test_the_shipped_model_fills_an_imprint_the_rules_left_empty():
    citation = _book(
        "Jean Dupont, La guerre des rizières, Paris, Karthala, 1995, p. 212",
        title="La guerre des rizières",
        authors=["Jean Dupont"],
    )
    fill_gaps(citation)
    assert (citation.place, citation.publisher, citation.year, citation.locator) == (
        "Paris",
        "Karthala",
        1995,
        "p. 212",
    )


def test_a_field_the_rules_read_is_never_replaced():
    citation = _book("Jean Dupont, La guerre des rizières, Paris, Karthala, 1995, p. 212", place="Lyon")
    fill_gaps(citation)
    assert citation.place == "Lyon"


def test_archival_citations_are_left_to_the_rules():
    citation = CitationDraft(kind="archival", form="full", span=(0, 30), text="SHD, 10 H 287, Paris, 1951, p. 3")
    fill_gaps(citation)
    assert citation.place is None and citation.year is None


def test_a_sealed_corpus_is_never_trained_on(tmp_path):
    sealed = tmp_path / "sealed"
    sealed.mkdir()
    (sealed / "x.txt").write_text("1. Jean Dupont, La guerre, Paris, Karthala, 1995.\n", encoding="utf-8")
    (sealed / "x.expected.yml").write_text("- number: 1\n  citations: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match="sealed corpus is never trained on"):
        list(training_examples([sealed / "x.txt"]))


def test_train_writes_a_model_that_tags(tmp_path):
    model = tmp_path / "m.crfsuite"
    result = CliRunner().invoke(
        cli,
        [
            "notes",
            "train",
            "--model",
            str(model),
            str(HERE / "corpus" / "french_notes.txt"),
            str(HERE / "corpus" / "english_notes.txt"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "trained on" in result.output and model.stat().st_size > 0
    assert MODEL.exists()


def test_training_on_no_reference_is_refused(tmp_path):
    with pytest.raises(ValueError):
        train([], tmp_path / "empty.crfsuite")


def test_the_date_of_a_newspapers_issue_is_no_locator():
    citation = _book("Het Parool, 20 Dec. 1948", title="Het Parool")
    fill_gaps(citation)
    assert citation.locator is None
