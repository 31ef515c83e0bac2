"""Read a decision document: its kind and every field it holds, each with its source sentence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from dialogs.documents import common, invitation, kinds, membership, remiss
from dialogs.documents.document import Doc
from dialogs.documents.found import Found


@dataclass(frozen=True)
class KnownNames:
    """Names the store already knows, so that the document's spelling can be matched to them.

    Attributes:
        organisations: Organisation names ("Göteborgs Stad").
        networks: (name, aliases) of known networks.
    """

    organisations: tuple[str, ...] = ()
    networks: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass
class Extraction:
    """What one document holds.

    Attributes:
        kind: invitation, remiss, remiss_answer, membership or unknown.
        fields: Field name → value and source sentence.
    """

    kind: str
    fields: dict[str, Found] = field(default_factory=dict)

    def get(self, name: str, default: Any = None) -> Any:
        """A field's value, or ``default`` when the document did not hold it."""
        found = self.fields.get(name)
        return default if found is None else found.value

    def to_json(self) -> dict[str, Any]:
        """The ``arendebot import --json`` object: fields with ISO dates, then their sources."""
        out: dict[str, Any] = {"kind": self.kind}
        sources: dict[str, str] = {}
        for name, found in self.fields.items():
            out[name] = _plain(found.value)
            if found.source:
                sources[name] = found.source
            if isinstance(found.value, dict):
                for key, sub in found.value.items():
                    if isinstance(sub, Found) and sub.source:
                        sources[f"{name}.{key}"] = sub.source
        out["sources"] = sources
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Extraction:
        """Rebuild an extraction from :meth:`to_json` output (dialog state keeps it as JSON)."""
        sources = data.get("sources") or {}
        fields: dict[str, Found] = {}
        for name, value in data.items():
            if name in ("kind", "sources"):
                continue
            if name in _DATE_FIELDS and isinstance(value, str):
                value = dt.date.fromisoformat(value)
            if isinstance(value, dict):
                value = {k: Found(v, sources.get(f"{name}.{k}", "")) for k, v in value.items()}
            fields[name] = Found(value, sources.get(name, ""))
        return cls(kind=str(data.get("kind") or "unknown"), fields=fields)


_DATE_FIELDS = frozenset(
    ("start", "end", "respond_by", "decided_on", "deadline", "meeting", "revised_on")
)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Found):
        return _plain(value.value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def extract(text: str, known: KnownNames | None = None) -> Extraction:
    """Read a document's text.

    Args:
        text: The plain text (see :func:`dialogs.documents.reading.read_document`).
        known: Names from the store to match against; without them the text alone decides.

    Returns:
        The :class:`Extraction`; kind "unknown" when the text is no document of a known kind.
    """
    known = known or KnownNames()
    doc = Doc(text)
    kind = kinds.classify(doc)
    result = Extraction(kind)
    if kind == "unknown":
        return result
    fields = result.fields
    org = common.organisation(doc, known.organisations)
    if org:
        fields["organisation"] = org
    # Answers name the remiss in the sentence that speaks of it, not a cited older decision.
    prefer = kinds.REMISS_CUES if kind.startswith("remiss") else None
    numbers = common.diarienummer(doc, prefer)
    if numbers:
        fields["diarienummer"] = numbers
    org_name = org.value if org else None
    if kind == "invitation":
        fields.update(invitation.extract(doc, known.networks))
        title = common.heading(doc)
        if title:
            fields.setdefault("title", title)
        facts = invitation.network_facts(
            doc, org_name, fields.get("prepared_by"), fields.get("representative")
        )
        if facts:
            fields["network_facts"] = Found(facts, "")
    elif kind in ("remiss", "remiss_answer"):
        fields.update(remiss.extract(doc, kind))
    else:
        fields.update(membership.extract(doc, known.networks, org_name))
        facts = membership.network_facts(doc)
        if facts:
            fields["network_facts"] = Found(facts, "")
    return result
