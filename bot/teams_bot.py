"""The Teams edge of the bot: tenant, mentions, conversation references, then the dialogs."""

from __future__ import annotations

import datetime as dt
import logging
import re

from botbuilder.core import (
    ActivityHandler,
    ConversationState,
    MessageFactory,
    TurnContext,
)
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount

from bot import tenants
from bot.compat.wire import write_model
from bot.language_cache import LanguageCache
from bot.settings import Settings
from dialogs.common import texts
from dialogs.common.scope import SCOPE_KEY, TurnScope
from dialogs.router import Conversation
from store import conversations
from store.conversations import ConversationKey
from store.db import Database

log = logging.getLogger(__name__)

# Teams writes every @mention into the text: "<at>Ärendebot</at> … inbjuden är <at>Anna Berg</at>".
_MENTION = re.compile(r"<at\b[^>]*>(?P<name>.*?)</at>", re.IGNORECASE | re.DOTALL)
_UNDERSTAND_CHARS = 600
_REMEMBERED_TYPES = {
    ActivityTypes.message,
    ActivityTypes.conversation_update,
    ActivityTypes.installation_update,
}


def strip_mentions(activity: Activity) -> str:
    """The text without the bot's own mention; a colleague's mention keeps the name.

    The bot's mention is known by the mention entity whose ``mentioned.id`` is the bot
    (``recipient.id``), else by the bot's name. Tabs and line breaks stay: a pasted table or
    document is read by its layout. (botbuilder's ``TurnContext.remove_recipient_mention`` is
    not used: it removes the bot's *name* wherever it stands, read as a regular expression.)
    """
    text = activity.text or ""
    if not text:
        return ""
    recipient = activity.recipient
    own = {f"<at>{recipient.name}</at>".casefold()} if recipient and recipient.name else set()
    for entity in activity.entities or []:
        props = getattr(entity, "additional_properties", None) or {}
        mentioned = props.get("mentioned") or {}
        if (
            (entity.type or "").lower() == "mention"
            and recipient
            and mentioned.get("id") == (recipient.id)
        ):
            own.add(str(props.get("text") or "").casefold())

    def keep_colleague(m: re.Match[str]) -> str:
        return " " if m.group(0).casefold() in own else m.group("name")

    cleaned = _MENTION.sub(keep_colleague, text).replace("&nbsp;", " ").replace("\u00a0", " ")
    lines = [line.strip(" ") for line in cleaned.splitlines()]
    return "\n".join(lines).strip()


class ArendeBot(ActivityHandler):
    """Resolves the tenant, keeps the conversation reference and hands messages to dialogs."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        conversation_state: ConversationState,
        languages: LanguageCache,
    ) -> None:
        self._db = db
        self._settings = settings
        self._conversation_state = conversation_state
        self._languages = languages
        self._conversation = Conversation(
            conversation_state,
            timeout=dt.timedelta(minutes=settings.dialog_timeout_minutes),
        )
        # Every turn needs the tenant's organisation; bindings rarely change.
        self._orgs = tenants.OrgCache()
        self._remembered = conversations.RememberedCache()

    async def on_turn(self, turn_context: TurnContext) -> None:
        """Refuse tenants that are not bound; otherwise run the turn and save state."""
        activity = turn_context.activity
        decision = await tenants.resolve(self._db, self._settings, activity, self._orgs)
        if not decision.allowed:
            log.info("activity refused", extra={"verdict": decision.verdict.value})
            if activity.type == ActivityTypes.message:
                await turn_context.send_activity(MessageFactory.text(texts.TENANT_REFUSED))
            return
        organisation = decision.organisation
        assert organisation is not None  # allowed implies an organisation
        if activity.type == ActivityTypes.message:
            activity.text = strip_mentions(activity)
        if activity.type in _REMEMBERED_TYPES:
            await self._remember(turn_context, decision.tenant_id, organisation.id)
        language = await self._languages.for_organisation(organisation.id)
        today = self._settings.today_date()
        understanding = (
            # A pasted document is thousands of characters; its intent shows in the opening.
            language.understand(activity.text[:_UNDERSTAND_CHARS], today)
            if activity.type == ActivityTypes.message and activity.text
            else None
        )
        user = activity.from_property or ChannelAccount(id="okänd")
        turn_context.turn_state[SCOPE_KEY] = TurnScope(
            db=self._db,
            organisation=organisation,
            user_id=user.aad_object_id or user.id or "okänd",
            user_name=user.name,
            today=today,
            language=language,
            understanding=understanding,
        )
        await super().on_turn(turn_context)
        # Only conversation state is kept: no dialog reads or writes user state, so there is no
        # UserState to load and hash on every turn.
        await self._conversation_state.save_changes(turn_context)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        """A typed message or a card submit."""
        activity = turn_context.activity
        if not activity.text and activity.value is None and not activity.attachments:
            await turn_context.send_activity(MessageFactory.text(texts.NOT_UNDERSTOOD))
            return
        # Card submits arrive as a value without text, a file as an attachment without text:
        # the waiting dialog or the router takes them.
        await self._conversation.on_message(turn_context)

    async def on_members_added_activity(
        self, members_added: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        """Welcome the user once, in a personal chat, when the bot is installed or opened."""
        conversation = turn_context.activity.conversation
        if conversation is not None and conversation.conversation_type not in (None, "personal"):
            return
        if members_added:
            await turn_context.send_activity(MessageFactory.text(texts.WELCOME))

    async def _remember(
        self, turn_context: TurnContext, tenant_id: str | None, org_id: int
    ) -> None:
        activity = turn_context.activity
        if not activity.conversation or not activity.conversation.id or not activity.service_url:
            return
        reference = write_model(TurnContext.get_conversation_reference(activity))
        # The id of this one message is no use later, and it would make every turn a write.
        reference.pop("activityId", None)
        user = activity.from_property
        await conversations.remember(
            self._db,
            ConversationKey(activity.channel_id or "", activity.conversation.id),
            reference=reference,
            service_url=activity.service_url,
            tenant_id=tenant_id,
            organisation_id=org_id,
            bot_id=activity.recipient.id if activity.recipient else None,
            user_id=user.id if user else None,
            aad_object_id=user.aad_object_id if user else None,
            conversation_type=activity.conversation.conversation_type,
            # Only a message may skip the store: see RememberedCache for why.
            cache=self._remembered if activity.type == ActivityTypes.message else None,
        )
