"""SQLAlchemy 2.0 models for the whole case store.

The store holds the facts every feature reads: organisations bound to Teams tenants, their units
and people, shared network reference data, memberships, cases (invitations and remisser) with
their diarienummer, conversation references and reminder bookkeeping, the dialog state that
botbuilder keeps, and the audit trail.

Everything an organisation owns carries ``organisation_id``: queries filter on it so that a
user only ever sees their own organisation's data. Networks and their aliases are shared.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names so that Alembic migrations are the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """Return the current time as a timezone-aware UTC datetime."""
    return dt.datetime.now(dt.UTC)


class UtcDateTime(TypeDecorator[dt.datetime]):
    """A timezone-aware datetime that comes back aware on every backend.

    SQLite keeps no zone, so values are stored as UTC and marked UTC again on load.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        """Refuse naive datetimes and convert aware ones to UTC."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a timezone-aware column")
        return value.astimezone(dt.UTC)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        """Mark values read back from SQLite as UTC."""
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value


class Base(DeclarativeBase):
    """Declarative base with stable constraint names."""

    metadata = MetaData(naming_convention=NAMING)
    # Tables whose rows are case data: every insert, update and delete is audited.
    __audited__: bool = False


class Organisation(Base):
    """A kommun or region, bound to exactly one Teams (Entra) tenant."""

    __tablename__ = "organisation"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40), default="kommun")
    tenant_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    units: Mapped[list[OrgUnit]] = relationship(back_populates="organisation")


class OrgUnit(Base):
    """An organisational unit: nämnd, förvaltning, bolag, avdelning or råd."""

    __tablename__ = "org_unit"
    __audited__ = True
    __table_args__ = (UniqueConstraint("organisation_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"))

    organisation: Mapped[Organisation] = relationship(back_populates="units")


class Person(Base):
    """A person or a role in an organisation (a role may be held by a named person)."""

    __tablename__ = "person"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    role: Mapped[str] = mapped_column(String(200))
    name: Mapped[str | None] = mapped_column(String(200))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"))
    email: Mapped[str | None] = mapped_column(String(200))
    aad_object_id: Mapped[str | None] = mapped_column(String(64))


class Network(Base):
    """A network or organisation that municipalities join; shared reference data."""

    __tablename__ = "network"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    organiser: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    founded: Mapped[str | None] = mapped_column(String(40))

    aliases: Mapped[list[NetworkAlias]] = relationship(
        back_populates="network",
        cascade="all, delete-orphan",
        lazy="selectin",
        order_by="NetworkAlias.id",
    )


class NetworkAlias(Base):
    """Another name for a network, such as an acronym (SSR)."""

    __tablename__ = "network_alias"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("network.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(200), unique=True)

    network: Mapped[Network] = relationship(back_populates="aliases")


class Membership(Base):
    """An organisation's membership in a network, with its decision, cost and owner."""

    __tablename__ = "membership"
    __audited__ = True
    __table_args__ = (UniqueConstraint("organisation_id", "network_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("network.id"), index=True)
    # The case that holds the membership decision and its diarienummer.
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case.id"))
    since_year: Mapped[int | None] = mapped_column(Integer)
    since_date: Mapped[dt.date | None] = mapped_column(Date)
    decision_reference: Mapped[str | None] = mapped_column(String(100))
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    decision_paragraph: Mapped[str | None] = mapped_column(String(40))
    revised_on: Mapped[dt.date | None] = mapped_column(Date)
    # None: not stated; 0: free of charge.
    annual_cost: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    cost_currency: Mapped[str | None] = mapped_column(String(3))
    cost_note: Mapped[str | None] = mapped_column(Text)
    responsible_unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"))
    responsible_role: Mapped[str | None] = mapped_column(String(300))
    contact_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    political_representative: Mapped[str | None] = mapped_column(String(300))
    linked_body: Mapped[str | None] = mapped_column(String(300))
    role_in_network: Mapped[str | None] = mapped_column(String(300))
    period: Mapped[str | None] = mapped_column(String(40))
    review_cadence: Mapped[str | None] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    network: Mapped[Network] = relationship(lazy="joined")
    responsible_unit: Mapped[OrgUnit | None] = relationship(lazy="joined")
    contact_person: Mapped[Person | None] = relationship(lazy="joined")


class Case(Base):
    """An ärende in an organisation; invitations and remisser hang on a case."""

    __tablename__ = "case"
    __audited__ = True
    __table_args__ = (UniqueConstraint("organisation_id", "reference"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    # The store's own reference, e.g. "ÄB-2026-0001"; the official ones are CaseNumber rows.
    reference: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200))

    numbers: Mapped[list[CaseNumber]] = relationship(
        back_populates="case",
        cascade="all, delete-orphan",
        lazy="selectin",
        order_by="CaseNumber.id",
    )


class CaseNumber(Base):
    """An official diarienummer of a case, kept as written."""

    __tablename__ = "case_number"
    __audited__ = True
    __table_args__ = (
        UniqueConstraint("case_id", "normalized"),
        Index("ix_case_number_normalized", "normalized"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(100))
    # Upper case without spaces: "ks 2023/886" and "KS2023/886" find the same case.
    normalized: Mapped[str] = mapped_column(String(100))

    case: Mapped[Case] = relationship(back_populates="numbers")


class Invitation(Base):
    """An invitation to an event (summit, conference, network meeting)."""

    __tablename__ = "invitation"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    event: Mapped[str] = mapped_column(String(500))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(300))
    invited: Mapped[str | None] = mapped_column(String(300))
    network_id: Mapped[int | None] = mapped_column(ForeignKey("network.id"))
    organiser: Mapped[str | None] = mapped_column(String(300))
    respond_by: Mapped[dt.date | None] = mapped_column(Date, index=True)
    # pending | accept | decline
    decision: Mapped[str] = mapped_column(String(20), default="pending")
    representative: Mapped[str | None] = mapped_column(String(300))
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    prepared_by: Mapped[str | None] = mapped_column(String(300))
    presenter: Mapped[str | None] = mapped_column(String(300))

    case: Mapped[Case] = relationship(lazy="joined")


class Remiss(Base):
    """A remiss: a proposal sent to recipients for their answer by a deadline."""

    __tablename__ = "remiss"
    __audited__ = True
    # Remiss answers filter one organisation's remisser by remisstid (migration 0002).
    __table_args__ = (Index("ix_remiss_organisation_id_deadline", "organisation_id", "deadline"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    sender: Mapped[str] = mapped_column(String(300))
    # The remisstid as decided; the effective deadline may move (lag 1930:173).
    deadline: Mapped[dt.date] = mapped_column(Date, index=True)
    sent_on: Mapped[dt.date | None] = mapped_column(Date)

    case: Mapped[Case] = relationship(lazy="joined")
    recipients: Mapped[list[RemissRecipient]] = relationship(
        back_populates="remiss",
        cascade="all, delete-orphan",
        lazy="selectin",
        order_by="RemissRecipient.id",
    )


class RemissRecipient(Base):
    """One recipient of a remiss with its own answer status."""

    __tablename__ = "remiss_recipient"
    __audited__ = True
    __table_args__ = (
        UniqueConstraint("remiss_id", "name"),
        # "Is it still open?" is asked per remiss of a page or a reminder window (migration 0002).
        Index("ix_remiss_recipient_remiss_id_status", "remiss_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    remiss_id: Mapped[int] = mapped_column(ForeignKey("remiss.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(300))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"))
    # pending | answered
    status: Mapped[str] = mapped_column(String(20), default="pending")
    answered_on: Mapped[dt.date | None] = mapped_column(Date)

    remiss: Mapped[Remiss] = relationship(back_populates="recipients")


class ConversationReference(Base):
    """What the bot needs to write to a conversation later (proactive messages)."""

    __tablename__ = "conversation_reference"
    __table_args__ = (UniqueConstraint("channel_id", "conversation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(50))
    conversation_id: Mapped[str] = mapped_column(String(400))
    tenant_id: Mapped[str | None] = mapped_column(String(64), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    service_url: Mapped[str] = mapped_column(String(500))
    bot_id: Mapped[str | None] = mapped_column(String(200))
    user_id: Mapped[str | None] = mapped_column(String(200))
    aad_object_id: Mapped[str | None] = mapped_column(String(64))
    conversation_type: Mapped[str | None] = mapped_column(String(40))
    # The full Bot Framework ConversationReference, serialised.
    reference: Mapped[dict[str, Any]] = mapped_column(JSON)
    # False once the connector says the bot was removed (403/404).
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)


class ReminderSubscription(Base):
    """A user's wish to be reminded of deadlines (all, one case, or one recipient unit)."""

    __tablename__ = "reminder_subscription"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    conversation_reference_id: Mapped[int] = mapped_column(ForeignKey("conversation_reference.id"))
    user_aad_id: Mapped[str | None] = mapped_column(String(64))
    user_name: Mapped[str | None] = mapped_column(String(200))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case.id"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id"))
    # Working days before the deadline, e.g. [10, 5, 1, 0].
    lead_days: Mapped[list[int]] = mapped_column(JSON)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class ReminderDelivery(Base):
    """One reminder, sent at most once: the unique key is the exactly-once guarantee."""

    __tablename__ = "reminder_delivery"
    __table_args__ = (
        UniqueConstraint("subscription_id", "case_id", "deadline", "lead_days"),
        # A pass looks up the few failed or gone deliveries it may take over (migration 0002).
        Index("ix_reminder_delivery_status_deadline", "status", "deadline"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("reminder_subscription.id"))
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"))
    deadline: Mapped[dt.date] = mapped_column(Date)
    lead_days: Mapped[int] = mapped_column(Integer)
    # pending | sent | failed | gone
    status: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    claimed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class AuditEvent(Base):
    """Who changed what in the case store, and when."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    organisation_id: Mapped[int | None] = mapped_column(Integer, index=True)
    # create | update | delete
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The events of one write (one session: a registration is a case, its numbers and the
    # invitation) share it, so that "ångra" takes back that write and nothing before it.
    write_id: Mapped[str | None] = mapped_column(String(32), nullable=True)


class DialogState(Base):
    """botbuilder state (conversation and user state) behind the SQL Storage."""

    __tablename__ = "dialog_state"

    key: Mapped[str] = mapped_column(String(500), primary_key=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    etag: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)
