"""Who is responsible for a network, for the user's own organisation.

Happy path::

    Användare: Vem ansvarar för nätverket?
    Bot:       Vilket nätverk menar du? Till exempel Nordic Safe Cities.
    Användare: nordic safe city
    Bot:       Ansvarig för Nordic Safe Cities: Avdelningschef Trygghet och Samhälle, ...

When the first message already names a known network the question is skipped.
"""

from __future__ import annotations

from botbuilder.core import MessageFactory
from botbuilder.dialogs import (
    DialogTurnResult,
    PromptOptions,
    TextPrompt,
    WaterfallDialog,
    WaterfallStepContext,
)

from dialogs.base_dialog import BaseDialog
from dialogs.responsible_text import (
    not_member_answer,
    responsible_answer,
    unknown_network_answer,
)
from dialogs.scope import scope_of
from store import networks

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
        scope = scope_of(step.context)
        known = [n.name for n in await networks.known_networks(scope.db)]
        example = f" Till exempel {known[0]}." if known else ""
        return await step.prompt(
            NETWORK_PROMPT,
            PromptOptions(prompt=MessageFactory.text(f"Vilket nätverk menar du?{example}")),
        )

    async def answer_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """Answer from the store for the user's organisation only."""
        scope = scope_of(step.context)
        said = str(step.result or "").strip()
        understanding = scope.language.understand(said, scope.today)
        name = understanding.network if understanding.network_known else None
        network = await networks.network_by_name(scope.db, name) if name else None
        org = scope.organisation
        if network is None:
            known = [n.name for n in await networks.known_networks(scope.db)]
            text = unknown_network_answer(
                understanding.network or said or None, understanding.network_candidates, known
            )
        else:
            membership = await networks.membership(scope.db, org.id, network.id)
            text = (
                responsible_answer(org.name, membership)
                if membership
                else not_member_answer(org.name, network)
            )
        await step.context.send_activity(MessageFactory.text(text))
        return await step.end_dialog()
