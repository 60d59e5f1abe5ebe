"""The site as a Datasette plugin: catalogue's ``datasette`` entry point registers it, so plain
``datasette catalogue.db`` (here ``Datasette([path])``) serves the same pages as
``catalogue serve`` (make_datasette), and nothing is registered twice."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from datasette.app import Datasette
from datasette.plugins import get_plugins, pm

import catalogue.site.plugin
from catalogue.site import make_datasette
from catalogue.site.editors import Editor
from catalogue.site.metadata import build_metadata

PLUGIN_FOLDER = Path(catalogue.site.plugin.__file__).parent


@pytest.fixture(scope="module")
def both(seeded):
    """GET a path from plain Datasette and from make_datasette: (plain, ours)."""
    loop = asyncio.new_event_loop()
    plain, ours = Datasette([str(seeded)]), make_datasette(seeded)
    for datasette in (plain, ours):
        loop.run_until_complete(datasette.invoke_startup())

    def get(path: str):
        return tuple(loop.run_until_complete(datasette.client.get(path)) for datasette in (plain, ours))

    yield get
    loop.close()


def page(response) -> str:
    """A page's HTML without the one thing that differs between two runs: the time queries took."""
    return re.sub(r"Queries took [\d.]+ms", "Queries took", response.text)


def test_the_entry_point_registers_the_plugin_with_its_templates_and_static_files():
    assert pm.get_plugin("catalogue") is catalogue.site.plugin
    (listed,) = [plugin for plugin in get_plugins() if plugin["name"] == "catalogue"]
    assert listed["templates_path"] == str(PLUGIN_FOLDER / "templates")
    assert listed["static_path"] == str(PLUGIN_FOLDER / "static")
    assert {"get_metadata", "register_routes", "extra_css_urls", "extra_template_vars"} <= set(listed["hooks"])


def test_every_hook_of_the_module_is_registered_once():
    written = {name for name, value in vars(catalogue.site.plugin).items() if hasattr(value, "datasette_impl")}
    (listed,) = [plugin for plugin in get_plugins() if plugin["name"] == "catalogue"]
    assert sorted(listed["hooks"]) == sorted(written)
    for name in written:
        callers = [impl.plugin for impl in getattr(pm.hook, name).get_hookimpls()]
        assert callers.count(catalogue.site.plugin) == 1, name


def test_plain_datasette_gets_the_site_metadata_and_canned_queries(both, seeded):
    plain = Datasette([str(seeded)])
    assert plain.metadata("title") == build_metadata()["title"]
    queries = build_metadata()["databases"]["catalogue"]["queries"]
    assert set(plain.metadata(database="catalogue")["queries"]) == set(queries)
    assert plain.metadata(database="catalogue", table="documents")["label_column"] == "title"


def test_make_datasette_passes_only_what_plain_datasette_cannot_know(seeded):
    assert make_datasette(seeded)._metadata_local == {}
    editors = [Editor(login="ed", name="An Editor", password_hash="pbkdf2_sha256$1$salt$hash")]
    local = make_datasette(seeded, editors=editors)._metadata_local
    assert list(local) == ["plugins"] and list(local["plugins"]) == ["datasette-auth-passwords"]
    # The editors' sign-in is merged into a copy of the plugin's metadata, never into the plugin's own.
    assert "datasette-auth-passwords" not in catalogue.site.plugin.site_metadata()["plugins"]


def test_a_claim_row_page_tells_the_same_story(both):
    plain, ours = both("/catalogue/claims/1")
    assert plain.status_code == ours.status_code == 200
    assert 'class="claim-text"' in plain.text and "What it rests on" in plain.text
    assert page(plain) == page(ours)


def test_the_search_page_finds_the_same_rows(both):
    plain, ours = both("/-/search?q=Hanoi")
    assert plain.status_code == ours.status_code == 200
    assert re.search(r'href="/catalogue/(documents|works|repositories|claims)/\d+"', plain.text)
    assert page(plain) == page(ours)


def test_a_canned_query_renders_the_same(both):
    plain, ours = both("/catalogue/evidence_chain_of_claim?claim_id=1")
    assert plain.status_code == ours.status_code == 200
    assert "The evidence chain of a claim" in plain.text
    assert '<a href="/catalogue/claims/1">1</a>' in plain.text  # an id in a canned query links to its row
    assert page(plain) == page(ours)


def test_the_home_page_and_the_stylesheet_are_the_plugins(both):
    plain, ours = both("/")
    assert page(plain) == page(ours)
    assert '<link rel="stylesheet" href="/-/static-plugins/catalogue/catalogue.css">' in plain.text
    css, _ = both("/-/static-plugins/catalogue/catalogue.css")
    assert css.status_code == 200
    assert css.text == (PLUGIN_FOLDER / "static" / "catalogue.css").read_text(encoding="utf-8")


def test_the_source_is_text_with_no_link_to_a_repository_that_does_not_exist(both):
    assert "source_url" not in build_metadata()
    plain, _ = both("/catalogue/documents")
    footer = plain.text[plain.text.index('<footer class="ft">') :]
    assert "Data source:" in footer and "read from the footnotes" in footer
    links = set(re.findall(r'href="(https?://(?!localhost/)[^"]+)"', plain.text))
    assert links <= {build_metadata()["license_url"], "https://datasette.io/"}, links
