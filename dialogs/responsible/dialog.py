"""Who is responsible for a network, for the user's own organisation.

Happy path::

    Användare: Vem ansvarar för nätverket?
    Bot:       Vilket nätverk menar du? Till exempel Nordic Safe Cities.
    Användare: nordic safe city
    Bot:       Ansvarig för Nordic Safe Cities: Avdelningschef Trygghet och Samhälle, ...

When the first message already names a known network the question is skipped. The answer is
one paragraph (the message text) with a small card of details. A name the store does not know
gets "Menade du …?" with a button per close name; a name that fits several networks gets
"Vilket menar du?" with a button each. A button asks the same question for its network::

    Användare: vem ansvarar för cities
    Bot:       Flera nätverk passar in på ”cities”: … Vilket menar du?  [Nordic Safe Cities] [...]
    Användare: (trycker "Nordic Safe Cities")
    Bot:       Ansvarig för Nordic Safe Cities: …
"""

from __future__ import annotations

from botbuilder.core import MessageFactory
from botbuilder.dialogs import (
    DialogContext,
    DialogTurnResult,
    PromptOptions,
    TextPrompt,
    WaterfallDialog,
    WaterfallStepContext,
)

from dialogs.common import topics
from dialogs.common.base import BaseDialog
from dialogs.common.scope import TurnScope, scope_of
from dialogs.lang import Understanding
from dialogs.responsible.cards import choice_card, network_card, responsible_card
from dialogs.responsible.texts import (
    ambiguous_answer,
    not_member_answer,
    responsible_answer,
    unknown_network_answer,
)
from store import networks
from store.networks import MembershipView, NetworkView

NETWORK_PROMPT = "network_prompt"


class ResponsibleDialog(BaseDialog):
    """Answer "vem ansvarar för …" from the store; ask for the network when it is missing."""

    def __init__(self) -> None:
        super().__init__(ResponsibleDialog.__name__)
        self.add_dialog(TextPrompt(NETWORK_PROMPT))
        self.add_dialog(WaterfallDialog("responsible_steps", [self.network_step, self.answer_step]))
        self.initial_dialog_id = "responsible_steps"

    def help_text(self) -> str:
        """Explain the only question this dialog asks."""
        return (
            "Jag behöver veta vilket nätverk du menar. Skriv namnet eller förkortningen, "
            "till exempel *Nordic Safe Cities* eller *SSR*. Skriv **avbryt** för att sluta."
        )

    async def network_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Use the network from the first message, or ask for it."""
        options = step.options if isinstance(step.options, dict) else {}
        if options.get("network"):
            return await step.next(options["network"])
        # The language layer was built from the store's network list (by name) and is cached:
        # an example name needs no query of its own.
        known = scope_of(step.context).language.network_names
        example = f" Till exempel {known[0]}." if known else ""
        return await step.prompt(
            NETWORK_PROMPT,
            PromptOptions(prompt=MessageFactory.text(f"Vilket nätverk menar du?{example}")),
        )

    async def on_continue_dialog(self, inner_dc: DialogContext) -> DialogTurnResult:
        """Let a network button from an earlier answer answer the question asked now."""
        activity = inner_dc.context.activity
        value = activity.value
        if (
            not (activity.text or "").strip()
            and isinstance(value, dict)
            and value.get("intent") == "network_responsible"
            and isinstance(value.get("network"), str)
        ):
            activity.text = value["network"]
        return await super().on_continue_dialog(inner_dc)

    async def answer_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Answer from the store for the user's organisation only."""
        scope = scope_of(step.context)
        said = str(step.result or "").strip()
        # A button or the first message's understanding gives a canonical name: look it up as
        # it is. Anything else the user typed at the prompt is read by the language layer.
        # The network and the organisation's membership in it are read together (one connection).
        org_id = scope.organisation.id
        found = await networks.network_and_membership(scope.db, org_id, said) if said else None
        understanding = None
        if found is None:
            understanding = scope.language.understand(said, scope.today)
            name = understanding.network if understanding.network_known else None
            found = await networks.network_and_membership(scope.db, org_id, name) if name else None
        if found is None:
            await self._not_found(step, scope, said, understanding)
        else:
            await self._answer(step, scope, *found)
        return await step.end_dialog()

    async def _answer(
        self,
        step: WaterfallStepContext,
        scope: TurnScope,
        network: NetworkView,
        membership: MembershipView | None,
    ) -> None:
        org = scope.organisation
        await topics.remember(step.context, topics.NETWORK, network.name)
        if membership is None:
            # Shared reference data only: never another organisation's membership.
            text, card = not_member_answer(org.name, network), network_card(network)
        else:
            text = responsible_answer(org.name, membership)
            card = responsible_card(org.name, membership)
        await step.context.send_activity(MessageFactory.attachment(card, text=text))

    async def _not_found(
        self,
        step: WaterfallStepContext,
        scope: TurnScope,
        said: str,
        understanding: Understanding | None,
    ) -> None:
        written = (understanding.network if understanding else None) or said or None
        matches = [n.name for n in await networks.networks_matching(scope.db, written or "")]
        if len(matches) > 1:
            text = ambiguous_answer(written or said, matches)
            await step.context.send_activity(
                MessageFactory.attachment(
                    choice_card("Vilket nätverk menar du?", matches), text=text
                )
            )
            return
        candidates = understanding.network_candidates if understanding else ()
        suggestions = list(dict.fromkeys([*candidates, *matches]))
        known = [n.name for n in await networks.known_networks(scope.db)]
        text = unknown_network_answer(written, suggestions, known)
        buttons = suggestions or (known if len(known) <= 5 else [])
        if buttons:
            card = choice_card("Menade du något av de här?", buttons)
            await step.context.send_activity(MessageFactory.attachment(card, text=text))
        else:
            await step.context.send_activity(MessageFactory.text(text))
