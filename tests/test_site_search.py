"""Chinese search in the offline copy (Material's lunr search; the online site uses Pagefind, tested in the browser):
the jieba user dictionary comes from the data, and the built index keeps key terms whole.

Material's client splits a Chinese query by the words of the index and searches each piece as a prefix, without
ever keeping the whole query as one piece; so a key term (社会团体, 社团条例, 殡葬) is found as itself only when no
proper beginning of it (社会, 社团) is a word of the index. The browser tests type the queries; these check the index.
"""
from __future__ import annotations

import json
import re

import pytest

from lawmap.loader import load_project
from lawmap.site.search_terms import shadowing_prefixes, terms
from lawmap.synonyms import matches, synonyms


@pytest.fixture(scope="module")
def model(site_data_dir):
    return load_project(site_data_dir).model


@pytest.fixture(scope="module")
def index(offline_site):
    """The offline copy's index, its locations as on the web (laws/x/ rather than laws/x/index.html)."""
    data = json.loads((offline_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in data["docs"]:
        doc["location"] = re.sub(r"index\.html(?=#|$)", "", doc["location"])
    return data


def _words(index) -> set[str]:
    separator = re.compile(index["config"]["separator"])
    words = set()
    for doc in index["docs"]:
        for field in ("title", "text"):
            words |= {w for w in separator.split(re.sub(r"<[^>]+>", " ", doc.get(field, "")).lower()) if w}
        for tag in doc.get("tags", []):
            words |= {w for w in separator.split(tag.lower()) if w}
    return words


def test_user_dictionary_holds_law_names_short_names_subjects_and_codes(model):
    words = set(terms(model))
    for law in model.laws.values():
        assert law.short in words and law.title.removeprefix("中华人民共和国") in words
    assert {"社会团体", "殡葬"} <= words or not any("社会团体" in law.title for law in model.laws.values())
    assert {p.code for p in model.powers} <= words


def test_no_beginning_of_a_key_term_is_a_word_of_the_index(index, model):
    words = _words(index)
    assert not shadowing_prefixes(model) & words


def test_each_law_page_title_holds_its_short_name_as_a_word(index, model):
    separator = re.compile(index["config"]["separator"])
    titles = {d["location"]: d["title"] for d in index["docs"]}
    for law in model.laws.values():
        title_words = set(separator.split(titles[f"laws/{law.id}/"]))
        assert law.short in title_words or law.short in law.title, law.id


def test_each_power_card_is_tagged_with_its_codes(index, model):
    tags = {d["location"]: d.get("tags", []) for d in index["docs"]}
    for power in model.powers:
        assert power.code in tags[f"powers/{power.code}/"]


def test_power_cards_are_tagged_with_the_words_people_say(index, model):
    tags = {d["location"]: [t.replace("\u2060", "") for t in d.get("tags", [])] for d in index["docs"]}
    assert "低保" in tags["powers/SNMZ-JF-028/"]
    for synonym in synonyms(model):
        for power in model.powers:
            if matches(synonym, power):
                assert set(synonym.says) - set(tags[f"powers/{power.code}/"]) <= {w for w in synonym.says
                                                                                 if w in power.name}, power.code


def test_the_example_notice_stays_out_of_the_search_index_of_cards_and_maps(index):
    for doc in index["docs"]:
        if doc["location"].startswith(("powers/", "areas/")):
            assert "公开来源" not in re.sub("[\u200b\u2060]", "", doc["text"]), doc["location"]
