"""Fetch a file a user attached in Teams, with a size cap and a timeout.

Teams hands the bot a short-lived ``downloadUrl`` (SharePoint/OneDrive, https) in a
``application/vnd.microsoft.teams.file.download.info`` attachment. Only https is fetched, and
plain http only on the loopback interface, where the tests' fake connector serves files.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

import aiohttp

from dialogs.documents import DocumentError
from dialogs.documents.reading import MAX_BYTES

FILE_INFO = "application/vnd.microsoft.teams.file.download.info"
TIMEOUT_SECONDS = 20.0
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class AttachedFile:
    """A file attached to a Teams message."""

    name: str
    url: str


def attached_file(attachments: list[object] | None) -> AttachedFile | None:
    """The first Teams file attachment of a message, or None."""
    for attachment in attachments or ():
        if getattr(attachment, "content_type", None) != FILE_INFO:
            continue
        content = getattr(attachment, "content", None) or {}
        url = content.get("downloadUrl") if isinstance(content, dict) else None
        if url:
            return AttachedFile(getattr(attachment, "name", None) or "dokument", str(url))
    return None


def _allowed(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return True
    if parts.scheme != "http" or not parts.hostname:
        return False
    if parts.hostname == "localhost":
        return True
    try:
        return ipaddress.ip_address(parts.hostname).is_loopback
    except ValueError:
        return False


async def download(
    url: str, *, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT_SECONDS
) -> bytes:
    """Download a file, refusing other schemes, large files and slow servers.

    Raises:
        DocumentError: The file could not be fetched; the message is for the user.
    """
    if not _allowed(url):
        raise DocumentError("Jag hämtar bara filer över en säker anslutning (https).")
    try:
        async with (
            aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout)) as session,
            session.get(url, allow_redirects=False) as response,
        ):
            if response.status != 200:
                raise DocumentError(f"Filen gick inte att hämta (svar {response.status}).")
            if (response.content_length or 0) > max_bytes:
                raise DocumentError("Filen är för stor. Gränsen är 10 MB.")
            data = bytearray()
            async for chunk in response.content.iter_chunked(_CHUNK):
                data.extend(chunk)
                if len(data) > max_bytes:
                    raise DocumentError("Filen är för stor. Gränsen är 10 MB.")
            return bytes(data)
    except TimeoutError as exc:
        raise DocumentError("Det tog för lång tid att hämta filen. Försök igen.") from exc
    except aiohttp.ClientError as exc:
        raise DocumentError("Filen gick inte att hämta. Försök igen om en stund.") from exc
