"""The one-pass activity writer sends exactly what msrest would have sent."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest
from botbuilder.core import MessageFactory, TurnContext
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    Attachment,
    CardAction,
    ChannelAccount,
    ConversationAccount,
    Entity,
    InputHints,
    Mention,
    SuggestedActions,
    TextFormatTypes,
)
from botframework.connector import models as connector_models
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msrest import Deserializer, Serializer

from bot.compat.wire import WireDeserializer, WireSerializer, plain_json, read_activity, write_model
from dialogs.common.cards import adaptive_card, fact_set, heading, submit, text_block

MODELS = {
    k: v for k, v in vars(connector_models).items() if isinstance(k, str) and isinstance(v, type)
}


class Reference(Serializer):
    """msrest's own three passes, with card content (a dict subclass) passed through as JSON.

    Stock msrest would write a dict subclass as its ``repr``; sending cards as plain JSON is
    the one change made on purpose, and it was made before the one-pass writer existed.
    """

    def serialize_object(self, attr: object, **kwargs: Any) -> object:
        return attr if plain_json(attr) else super().serialize_object(attr, **kwargs)


def stock(activity: Activity) -> Any:
    # msrest's body() rebuilds the model in place, so it gets its own copy.
    return Reference(MODELS).body(copy.deepcopy(activity), "Activity")


def ours(activity: Activity) -> Any:
    return WireSerializer().body(activity, "Activity")


def replied(activity: Activity) -> Activity:
    """What botbuilder fills in on a reply from the conversation reference (Teams shapes)."""
    activity.from_property = ChannelAccount(id="28:bot", name="Ärendebot")
    activity.recipient = ChannelAccount(id="29:user", name="Anna", aad_object_id="aad-1")
    activity.conversation = ConversationAccount(
        id="a:1xyz;messageid=17", conversation_type="personal", tenant_id="t-1", is_group=False
    )
    activity.channel_id = "msteams"
    activity.service_url = "https://smba.trafficmanager.net/emea/"
    activity.reply_to_id = "1700000000000"
    activity.locale = "sv-SE"
    return activity


def card() -> Attachment:
    return adaptive_card(
        [heading("Medlemskap"), text_block("Kostnad *totalt*"), fact_set([("SKR", "12 000 kr")])],
        [submit("Visa fler", {"intent": "summary", "offset": 20})],
        fallback_text="Medlemskap",
    )


CASES = {
    "text": lambda: MessageFactory.text(
        "Hej! Det här är **svaret**.", input_hint=InputHints.accepting_input
    ),
    "card": lambda: MessageFactory.attachment(card()),
    "two cards as a carousel": lambda: MessageFactory.carousel([card(), card()], "Två kort"),
    "suggested actions": lambda: MessageFactory.suggested_actions(
        [
            CardAction(type="imBack", title="Ja", value="ja"),
            CardAction(type="imBack", title="Nej", value="nej"),
        ],
        "Vill du spara?",
    ),
    "mention": lambda: Activity(
        type=ActivityTypes.message,
        text="<at>Anna</at> titta här",
        text_format=TextFormatTypes.markdown,
        entities=[
            Mention(
                mentioned=ChannelAccount(id="29:user", name="Anna"),
                text="<at>Anna</at>",
                type="mention",
            )
        ],
    ),
    "entity with properties": lambda: Activity(
        type="message", entities=[Entity(type="clientInfo")]
    ),
    "typing": lambda: Activity(type=ActivityTypes.typing),
    "channel data": lambda: Activity(
        type="message",
        text="x",
        channel_data={"notification": {"alert": True}, "tenant": {"id": "t"}},
    ),
    "timestamps": lambda: Activity(
        type="message",
        timestamp=dt.datetime(2026, 11, 23, 8, 0, 0, 123000, tzinfo=dt.UTC),
        local_timestamp=dt.datetime(
            2026, 11, 23, 9, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=1))
        ),
    ),
    "value and summary": lambda: Activity(
        type="message", summary="s", value={"a": [1, 2.5, None, "x"]}, importance="high"
    ),
    # Shapes msrest accepts but the one-pass writer does not handle: msrest writes them.
    "dict where a model belongs": lambda: Activity(
        type="message", from_property={"id": "29:x", "name": "X"}
    ),
    "string timestamp": lambda: Activity(type="message", timestamp="2026-11-23T08:00:00Z"),
    "object that is not JSON": lambda: Activity(
        type="message", value={"when": dt.date(2026, 11, 23)}
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_the_same_json_as_msrest(name: str):
    activity = replied(CASES[name]())
    assert ours(activity) == stock(activity)


def test_the_activity_is_not_changed_by_writing_it():
    activity = replied(MessageFactory.attachment(card()))
    before = stock(activity)
    ours(activity)
    assert stock(activity) == before


def test_card_content_is_sent_as_it_is_not_rebuilt():
    activity = replied(MessageFactory.attachment(card()))
    body = ours(activity)
    assert body["attachments"][0]["content"] is activity.attachments[0].content
    assert json.loads(json.dumps(body)) == stock(activity)


text = st.text(max_size=20)
accounts = st.builds(ChannelAccount, id=text, name=st.none() | text, aad_object_id=st.none() | text)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=10,
)
activities = st.builds(
    Activity,
    type=st.sampled_from([ActivityTypes.message, "message", ActivityTypes.typing, "event"]),
    id=st.none() | text,
    text=st.none() | text,
    speak=st.none() | text,
    locale=st.none() | st.just("sv-SE"),
    text_format=st.none() | st.sampled_from(list(TextFormatTypes)),
    input_hint=st.none() | st.sampled_from(list(InputHints)),
    from_property=st.none() | accounts,
    recipient=st.none() | accounts,
    members_added=st.none() | st.lists(accounts, max_size=2),
    attachments=st.none()
    | st.lists(
        st.builds(Attachment, content_type=text, content=json_values, name=st.none() | text),
        max_size=2,
    ),
    suggested_actions=st.none()
    | st.builds(
        SuggestedActions,
        actions=st.lists(
            st.builds(CardAction, type=text, title=text, value=json_values), max_size=3
        ),
    ),
    entities=st.none()
    | st.lists(
        st.builds(Entity, type=text)
        | st.builds(Mention, mentioned=accounts, text=text, type=st.just("mention")),
        max_size=2,
    ),
    channel_data=st.none() | json_values,
    value=st.none() | json_values,
    timestamp=st.none() | st.datetimes(timezones=st.just(dt.UTC)),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(activities)
def test_any_activity_the_same_json_as_msrest(activity: Activity):
    assert ours(activity) == stock(activity)


class _Raw:
    """The shape msrest's pipeline hands a deserializer: the parsed body in the context."""

    def __init__(self, data: Any) -> None:
        self.context = {"deserialized_data": data}


@pytest.mark.parametrize(
    "data", [{"id": "1:abc"}, {}, {"id": None}, {"id": "x", "activityId": "y"}, {"id": 5}]
)
def test_the_connector_answer_reads_as_msrest_reads_it(data: dict[str, Any]):
    fast = WireDeserializer()("ResourceResponse", _Raw(data))
    slow = Deserializer(MODELS)("ResourceResponse", _Raw(data))
    assert type(fast) is type(slow)
    assert fast.as_dict() == slow.as_dict()


def test_plain_json_tells_json_from_objects():
    assert plain_json({"a": [1, 2.0, None, True, "x", {"b": {}}]})
    assert not plain_json({"a": dt.date(2026, 1, 1)})
    assert not plain_json({1: "x"})
    assert not plain_json((1, 2))


MSREST_WRITES = {"dict where a model belongs", "string timestamp", "object that is not JSON"}


@pytest.mark.parametrize("name", [n for n in CASES if n not in MSREST_WRITES])
def test_what_the_bot_sends_takes_the_one_pass_path(name: str, monkeypatch: pytest.MonkeyPatch):
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("msrest's body() was used")

    monkeypatch.setattr(Serializer, "body", refuse)
    assert ours(replied(CASES[name]()))["type"]


# ---- reading what the Bot Connector posts -------------------------------------------------

TEAMS_MESSAGE = {
    "text": "<at>Ärendebot</at> vem ansvarar för SKR?",
    "textFormat": "plain",
    "attachments": [{"contentType": "text/html", "content": "<div>vem ansvarar</div>"}],
    "type": "message",
    "timestamp": "2026-11-23T08:00:00.1234567Z",
    "localTimestamp": "2026-11-23T09:00:00.1234567+01:00",
    "id": "1700000000000",
    "channelId": "msteams",
    "serviceUrl": "https://smba.trafficmanager.net/emea/",
    "from": {"id": "29:1abc", "name": "Anna Andersson", "aadObjectId": "aad-1"},
    "conversation": {
        "conversationType": "personal",
        "tenantId": "t-1",
        "id": "a:1xyz",
    },
    "recipient": {"id": "28:bot", "name": "Ärendebot"},
    "entities": [
        {
            "mentioned": {"id": "28:bot", "name": "Ärendebot"},
            "text": "<at>Ärendebot</at>",
            "type": "mention",
        },
        {
            "locale": "sv-SE",
            "country": "SE",
            "platform": "Web",
            "timezone": "Europe/Stockholm",
            "type": "clientInfo",
        },
    ],
    "channelData": {"tenant": {"id": "t-1"}, "source": {"name": "message"}},
    "locale": "sv-SE",
    "localTimezone": "Europe/Stockholm",
    "rawTimestamp": "2026-11-23T08:00:00.1234567Z",
}

SUBMIT = {
    "type": "message",
    "id": "f:1",
    "channelId": "msteams",
    "serviceUrl": "https://smba.trafficmanager.net/emea/",
    "from": {"id": "29:1abc", "aadObjectId": "aad-1"},
    "conversation": {"id": "a:1xyz", "conversationType": "personal", "tenantId": "t-1"},
    "recipient": {"id": "28:bot"},
    "replyToId": "1700000000001",
    "value": {"intent": "membership_summary", "offset": 20, "nested": [1, 2.5, None, {"x": True}]},
    "channelData": {"tenant": {"id": "t-1"}, "legacy": {"replyToId": "x"}},
}

INSTALLED = {
    "type": "conversationUpdate",
    "membersAdded": [{"id": "28:bot"}, {"id": "29:1abc", "aadObjectId": "aad-1"}],
    "channelId": "msteams",
    "serviceUrl": "https://smba.trafficmanager.net/emea/",
    "conversation": {
        "id": "a:1xyz",
        "conversationType": "personal",
        "tenantId": "t-1",
        "isGroup": False,
    },
    "recipient": {"id": "28:bot"},
    "channelData": {"tenant": {"id": "t-1"}, "eventType": "teamMemberAdded"},
}

ODD = {
    "a number where a string belongs": {"type": "message", "id": 17, "text": "x"},
    "a string bool": {"type": "message", "conversation": {"id": "c", "isGroup": "true"}},
    "a string where a model belongs": {"type": "message", "from": "29:x"},
    "a bad timestamp": {"type": "message", "timestamp": "i går"},
    "a dict where a list belongs": {"type": "message", "entities": {"type": "x"}},
}


def outcome(read: Any, body: Any) -> Any:
    try:
        return read(body)
    except Exception as exc:  # the same error class is what matters
        return type(exc)


@pytest.mark.parametrize(
    "body", [TEAMS_MESSAGE, SUBMIT, INSTALLED], ids=["message", "submit", "installed"]
)
def test_read_activity_is_what_msrest_reads(body: dict[str, Any]):
    fast, slow = read_activity(copy.deepcopy(body)), Activity.deserialize(copy.deepcopy(body))
    assert fast == slow
    assert fast.as_dict() == slow.as_dict()
    assert fast.additional_properties == slow.additional_properties


def test_read_activity_keeps_unknown_keys_and_types():
    activity = read_activity(copy.deepcopy(TEAMS_MESSAGE))
    assert activity.additional_properties == {"rawTimestamp": "2026-11-23T08:00:00.1234567Z"}
    assert activity.local_timezone == "Europe/Stockholm"
    assert activity.timestamp == dt.datetime(2026, 11, 23, 8, 0, 0, 123456, tzinfo=dt.UTC)
    assert isinstance(activity.from_property, ChannelAccount)
    assert isinstance(activity.entities[0], Entity)


@pytest.mark.parametrize("name", list(ODD))
def test_odd_input_gets_msrest_answer_or_error(name: str):
    body = ODD[name]
    assert outcome(read_activity, copy.deepcopy(body)) == outcome(
        Activity.deserialize, copy.deepcopy(body)
    )


keys = st.sampled_from(
    [
        "type",
        "id",
        "text",
        "timestamp",
        "from",
        "conversation",
        "entities",
        "value",
        "channelData",
        "membersAdded",
        "attachments",
        "replyToId",
        "locale",
        "unknownKey",
        "suggestedActions",
    ]
)
any_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | text
    | st.sampled_from(["2026-11-23T08:00:00Z", "true", "0"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["id", "name", "type", "isGroup", "tenantId", "x"]) | text,
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(keys, any_json, max_size=8))
def test_any_body_reads_as_msrest_reads_it(body: dict[str, Any]):
    fast = outcome(read_activity, copy.deepcopy(body))
    slow = outcome(Activity.deserialize, copy.deepcopy(body))
    assert fast == slow
    if isinstance(fast, Activity):
        assert fast.additional_properties == slow.additional_properties


@pytest.mark.parametrize(
    "body", [TEAMS_MESSAGE, SUBMIT, INSTALLED], ids=["message", "submit", "installed"]
)
def test_the_conversation_reference_is_written_as_msrest_writes_it(body: dict[str, Any]):
    reference = TurnContext.get_conversation_reference(read_activity(copy.deepcopy(body)))
    assert write_model(reference) == reference.serialize()


@pytest.mark.parametrize(
    "body", [TEAMS_MESSAGE, SUBMIT, INSTALLED], ids=["message", "submit", "installed"]
)
def test_what_teams_posts_takes_the_one_pass_path(
    body: dict[str, Any], monkeypatch: pytest.MonkeyPatch
):
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("msrest's reader was used")

    monkeypatch.setattr(Activity, "deserialize", refuse)
    monkeypatch.setattr(Serializer, "_serialize", refuse)
    activity = read_activity(copy.deepcopy(body))
    assert (
        write_model(TurnContext.get_conversation_reference(activity))["conversation"]["id"]
        == "a:1xyz"
    )
