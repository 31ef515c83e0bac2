"""Remisser in the store: lookup by diarienummer, answers with audit, tenant isolation."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from store import orgs, remisser
from store.db import Database
from store.models import AuditEvent


async def _org(db: Database, name: str) -> int:
    return next(o.id for o in await orgs.all_organisations(db) if o.name == name)


async def test_the_demo_remiss_is_found_by_its_number_in_stockholm_only(demo_db: Database):
    sthlm = await _org(demo_db, "Stockholms stad")
    gbg = await _org(demo_db, "Göteborgs Stad")
    remiss = await remisser.by_number(demo_db, sthlm, "171-482/2016")
    assert remiss is not None
    assert remiss.title == "Internationell strategi för Stockholms stad"
    assert remiss.sender == "Kommunstyrelsen"
    assert remiss.deadline == dt.date(2016, 10, 17)
    assert [r.name for r in remiss.answered] == [
        "Rinkeby-Kista stadsdelsnämnd",
        "Hägersten-Liljeholmens stadsdelsnämnd",
    ]
    assert [r.name for r in remiss.pending] == [
        "Södermalms stadsdelsnämnd",
        "samtliga facknämnder",
        "Stockholms Stadshus AB",
    ]
    assert remiss.is_open
    assert await remisser.by_number(demo_db, gbg, "171-482/2016") is None
    assert await remisser.remisser(demo_db, gbg) == []


async def test_marking_an_answer_is_audited_with_the_actor(demo_db: Database):
    sthlm = await _org(demo_db, "Stockholms stad")
    remiss = await remisser.by_number(demo_db, sthlm, "171-482/2016")
    sodermalm = next(r for r in remiss.recipients if r.name.startswith("Södermalm"))
    after = await remisser.mark_answered(
        demo_db, sthlm, sodermalm.id, dt.date(2016, 10, 12), "teams:anna"
    )
    assert after is not None
    marked = next(r for r in after.recipients if r.id == sodermalm.id)
    assert marked.answered and marked.answered_on == dt.date(2016, 10, 12)
    async with demo_db.session() as session:
        events = list(
            await session.scalars(
                select(AuditEvent).where(
                    AuditEvent.entity == "remiss_recipient", AuditEvent.actor == "teams:anna"
                )
            )
        )
    assert len(events) == 1
    assert events[0].changes["status"] == ["pending", "answered"]
    assert events[0].action == "update"


async def test_another_organisation_cannot_mark_a_stockholm_recipient(demo_db: Database):
    sthlm = await _org(demo_db, "Stockholms stad")
    gbg = await _org(demo_db, "Göteborgs Stad")
    remiss = await remisser.by_number(demo_db, sthlm, "171-482/2016")
    pending = remiss.pending[0]
    assert (
        await remisser.mark_answered(demo_db, gbg, pending.id, dt.date(2016, 10, 12), "x") is None
    )
    again = await remisser.by_number(demo_db, sthlm, "171-482/2016")
    assert not next(r for r in again.recipients if r.id == pending.id).answered


async def test_added_remisser_link_recipients_to_units_and_sort_by_deadline(demo_db: Database):
    sthlm = await _org(demo_db, "Stockholms stad")
    await remisser.add_remiss(
        demo_db,
        sthlm,
        title="Trafikplan",
        sender="Trafiknämnden",
        numbers=["T 2016/1"],
        deadline=dt.date(2016, 9, 1),
        recipients=[("Södermalms stadsdelsnämnd", False), ("Okänd nämnd", False)],
        actor="system:test",
    )
    found = await remisser.remisser(demo_db, sthlm)
    assert [r.number for r in found] == ["T 2016/1", "171-482/2016"]
    unit = await remisser.unit_id(demo_db, sthlm, "södermalms stadsdelsnämnd")
    assert unit is not None
    assert [r.unit_id for r in found[0].recipients] == [unit, None]


async def _add(db: Database, org: int, title: str, deadline: dt.date, answered: bool) -> None:
    await remisser.add_remiss(
        db,
        org,
        title=title,
        sender="Kommunstyrelsen",
        numbers=[f"T 2016/{title}"],
        deadline=deadline,
        recipients=[("Södermalms stadsdelsnämnd", answered), ("Okänd nämnd", False)],
        actor="system:test",
    )


async def test_a_page_is_filtered_ordered_and_counted_in_the_store(demo_db: Database):
    sthlm = await _org(demo_db, "Stockholms stad")
    gbg = await _org(demo_db, "Göteborgs Stad")
    for n, day in enumerate((1, 3, 5, 20, 24, 26)):
        await _add(demo_db, sthlm, f"R{n}", dt.date(2016, 10, day), answered=n % 2 == 1)
    everything = await remisser.page(demo_db, sthlm, limit=3)
    assert everything.total == 7 and everything.remaining == 4
    assert [r.title for r in everything.items] == ["R0", "R1", "R2"]
    # Upcoming remisstider first (from 10 October), then the passed ones.
    upcoming = await remisser.page(
        demo_db, sthlm, upcoming_from=dt.date(2016, 10, 10), limit=10, offset=1
    )
    assert [r.title for r in upcoming.items] == ["R3", "R4", "R5", "R0", "R1", "R2"]
    assert upcoming.offset == 1 and upcoming.remaining == 0
    between = await remisser.page(
        demo_db, sthlm, decided_from=dt.date(2016, 10, 3), decided_to=dt.date(2016, 10, 20)
    )
    assert [r.title for r in between.items] == [
        "R1",
        "R2",
        "Internationell strategi för Stockholms stad",
        "R3",
    ]
    # A unit written in another case than the recipient's name, and only what it has not answered.
    unit = await remisser.page(demo_db, sthlm, unit="SÖDERMALMS STADSDELSNÄMND", limit=10)
    assert [r.title for r in unit.items] == [
        "R0",
        "R2",
        "Internationell strategi för Stockholms stad",
        "R4",
    ]
    done, total = await remisser.answered_by(demo_db, sthlm, "södermalms stadsdelsnämnd", limit=2)
    assert total == 3 and [d.number for d in done] == ["T 2016/R1", "T 2016/R3"]
    opened = await remisser.page(demo_db, sthlm, open_only=True)
    assert opened.total == 7  # "Okänd nämnd" has answered none of them
    assert (await remisser.page(demo_db, gbg)).total == 0
