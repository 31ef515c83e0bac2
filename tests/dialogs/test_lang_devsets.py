"""Every case of the shared dev sets, through the same contract the scorer reads."""

from __future__ import annotations

import json
from datetime import date

import pytest

from dialogs.lang import LanguageLayer, find_dates
from tests.conftest import DEV_SETS
from tests.support.lang import make_layer


def _cases(name: str) -> list[dict]:
    text = (DEV_SETS / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    return [pytest.param(json.loads(line), id=json.loads(line)["text"][:40]) for line in lines]


@pytest.fixture(scope="module")
def layer() -> LanguageLayer:
    return make_layer()


@pytest.mark.parametrize("case", _cases("nlu_dev.jsonl"))
def test_nlu_dev(layer: LanguageLayer, case: dict) -> None:
    out = layer.understand(case["text"], date.fromisoformat(case["today"])).to_contract()
    assert out["intent"] in [case["intent"], *case.get("also", [])]
    if "network" in case:
        assert (out["entities"]["network"] or "").casefold() == case["network"].casefold()
    if "diarienummer" in case:
        got = [d.replace(" ", "").casefold() for d in out["entities"]["diarienummer"]]
        assert case["diarienummer"].replace(" ", "").casefold() in got
    for start, end in case.get("dates", []):
        assert {"start": start, "end": end} in [
            {"start": d["start"], "end": d["end"]} for d in out["dates"]
        ]


@pytest.mark.parametrize("case", _cases("dates_dev.jsonl"))
def test_dates_dev(case: dict) -> None:
    got = [
        (d.start.isoformat(), d.end.isoformat())
        for d in find_dates(case["text"], date.fromisoformat(case["today"]))
    ]
    if case.get("none"):
        assert got == []
    else:
        assert got, "no date found"
        assert got[0] in [(case["start"], case["end"]), *map(tuple, case.get("also", []))]
