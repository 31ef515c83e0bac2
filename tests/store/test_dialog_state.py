"""Dialog state rows without the SDK: eTags, batches, first writes, deletes and the allowlist."""

from __future__ import annotations

import datetime as dt

import pytest

from store import dialog_state
from store.dialog_state import (
    ETAG,
    EtagConflictError,
    UnsafeStateError,
    encode_state,
    etag_of,
    state_digest,
)
from store.models import DialogState


def _item(key: str, value: dict, expected: str | None = None):
    return key, encode_state(value), expected


async def test_rows_round_trip_with_a_new_etag_each_write(db):
    await dialog_state.write_many(db, [_item("a", {"n": 1, "when": dt.date(2026, 11, 23)})])
    first = (await dialog_state.read(db, ["a", "missing"]))["a"]
    assert first["n"] == 1 and first["when"] == dt.date(2026, 11, 23)
    first["n"] = 2
    await dialog_state.write_many(db, [_item("a", first, etag_of(first))])
    second = (await dialog_state.read(db, ["a"]))["a"]
    assert second["n"] == 2 and second[ETAG] != first[ETAG]


async def test_read_one_gives_the_digest_of_what_is_stored(db):
    value = {"stack": [{"id": "ask", "state": {"options": None}}]}
    await dialog_state.write_many(db, [_item("k", value)])
    read, digest = await dialog_state.read_one(db, "k")
    assert read is not None and read["stack"] == value["stack"]
    assert digest == state_digest(encode_state(read))
    assert await dialog_state.read_one(db, "nope") == (None, None)


async def test_a_stale_etag_refuses_the_whole_batch(db):
    await dialog_state.write_many(db, [_item("k", {"v": 1})])
    stale = (await dialog_state.read(db, ["k"]))["k"]
    await dialog_state.write_many(db, [_item("k", {"v": 2}, "*")])
    with pytest.raises(EtagConflictError):
        await dialog_state.write_many(
            db, [_item("fresh", {"v": 9}), _item("k", {"v": 3}, etag_of(stale))]
        )
    assert await dialog_state.read(db, ["fresh"]) == {}
    assert (await dialog_state.read(db, ["k"]))["k"]["v"] == 2


async def test_a_first_write_does_not_overwrite_one_made_meanwhile(db):
    etag = await dialog_state.write(db, "new", encode_state({"who": "first"}), None, new=True)
    with pytest.raises(EtagConflictError):
        await dialog_state.write(db, "new", encode_state({"who": "second"}), None, new=True)
    stored = (await dialog_state.read(db, ["new"]))["new"]
    assert (stored["who"], stored[ETAG]) == ("first", etag)


async def test_an_empty_etag_and_a_non_dict_are_refused(db):
    with pytest.raises(ValueError):
        await dialog_state.write(db, "k", encode_state({"v": 1}), "")
    with pytest.raises(TypeError):
        encode_state(["not", "a", "dict"])  # type: ignore[arg-type]


async def test_delete_ignores_missing_keys(db):
    await dialog_state.write_many(db, [_item("k", {"v": 1})])
    await dialog_state.delete(db, ["k", "missing"])
    await dialog_state.delete(db, [])
    assert await dialog_state.read(db, ["k"]) == {}


async def test_a_row_naming_a_foreign_class_is_refused(db):
    async with db.session() as session, session.begin():
        session.add(DialogState(key="evil", data={"x": {"py/object": "os.system"}}, etag="1"))
    with pytest.raises(UnsafeStateError):
        await dialog_state.read(db, ["evil"])
    with pytest.raises(UnsafeStateError):
        await dialog_state.read_one(db, "evil")
