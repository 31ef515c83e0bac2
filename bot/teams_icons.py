"""The Teams app icons, drawn in code: a 192×192 colour icon and a 32×32 white outline icon.

Teams wants a full-colour icon on a solid background and a white-on-transparent outline icon
for the app bar. Both show a case file (ärende) with a check mark. They are drawn with plain
Python and written as PNG with ``zlib`` and ``struct``, so the package needs no image library
and the bytes are the same on every machine.
"""

from __future__ import annotations

import functools
import struct
import zlib
from collections.abc import Callable

Rgba = tuple[int, int, int, int]
Shape = Callable[[float, float], bool]

ACCENT = "#1F5A96"  # a calm municipal blue; also the manifest's accentColor
BADGE = "#2E8540"  # the green of "done"
_SAMPLES = 4  # supersampling per axis: smooth edges without an image library


def _hex(color: str, alpha: int = 255) -> Rgba:
    value = color.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16), alpha)


def png(width: int, height: int, pixels: list[Rgba]) -> bytes:
    """Encode RGBA pixels (row by row) as a PNG file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter type None
        for r, g, b, a in pixels[y * width : (y + 1) * width]:
            rows.extend((r, g, b, a))
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


class Canvas:
    """A small RGBA canvas that paints anti-aliased shapes over each other."""

    def __init__(self, size: int, background: Rgba = (0, 0, 0, 0)) -> None:
        self.size = size
        self.pixels: list[list[float]] = [list(map(float, background)) for _ in range(size * size)]

    def fill(self, shape: Shape, color: Rgba, box: tuple[float, float, float, float]) -> None:
        """Paint ``color`` where ``shape(x, y)`` holds, looking only inside ``box`` (x0,y0,x1,y1).

        Coordinates are in units of the canvas size (0–1), so one drawing serves every size.
        """
        n, step = self.size, 1.0 / (self.size * _SAMPLES)
        pads = (0, 0, 1, 1)  # round the box outwards to whole pixels
        x0, y0, x1, y1 = (max(0, min(n, int(v * n) + d)) for v, d in zip(box, pads, strict=True))
        for py in range(y0, y1):
            for px in range(x0, x1):
                hits = sum(
                    shape((px * _SAMPLES + sx + 0.5) * step, (py * _SAMPLES + sy + 0.5) * step)
                    for sy in range(_SAMPLES)
                    for sx in range(_SAMPLES)
                )
                if hits:
                    self._blend(py * n + px, color, hits / _SAMPLES**2)

    def _blend(self, index: int, color: Rgba, coverage: float) -> None:
        dst = self.pixels[index]
        src_a = color[3] / 255 * coverage
        out_a = src_a + dst[3] / 255 * (1 - src_a)
        if out_a <= 0:
            return
        for c in range(3):
            dst[c] = (color[c] * src_a + dst[c] * dst[3] / 255 * (1 - src_a)) / out_a
        dst[3] = out_a * 255

    def to_png(self) -> bytes:
        """The canvas as PNG bytes."""
        pixels = [tuple(round(v) for v in p) for p in self.pixels]
        return png(self.size, self.size, pixels)  # type: ignore[arg-type]


def _rounded_rect(x0: float, y0: float, x1: float, y1: float, r: float) -> Shape:
    def inside(x: float, y: float) -> bool:
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return False
        cx = min(max(x, x0 + r), x1 - r)
        cy = min(max(y, y0 + r), y1 - r)
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

    return inside


def _segment(ax: float, ay: float, bx: float, by: float, width: float) -> Shape:
    """A thick line with round ends."""
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy

    def inside(x: float, y: float) -> bool:
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / length2))
        return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (width / 2) ** 2

    return inside


def _ring(shape: Shape, inner: Shape) -> Shape:
    return lambda x, y: shape(x, y) and not inner(x, y)


# The drawing, in canvas units: a document (the case file) with text lines and a check mark.
_DOC = (0.30, 0.22, 0.70, 0.78)
_LINES = [(0.37, 0.36, 0.63), (0.37, 0.46, 0.63), (0.37, 0.56, 0.52)]
_CHECK = [(-0.075, 0.0), (-0.02, 0.055), (0.08, -0.055)]  # relative to the badge centre


@functools.cache  # the drawing never changes; draw it once per process
def color_icon() -> bytes:
    """The 192×192 full-colour icon: a white case file with a check mark on the accent colour."""
    accent = _hex(ACCENT)
    canvas = Canvas(192, accent)
    canvas.fill(_rounded_rect(*_DOC, 0.04), (255, 255, 255, 255), _DOC)
    for x0, y, x1 in _LINES:
        line_box = (x0 - 0.03, y - 0.03, x1 + 0.03, y + 0.03)
        canvas.fill(_segment(x0, y, x1, y, 0.045), accent, line_box)
    cx, cy, r = 0.67, 0.70, 0.15
    box = (cx - r - 0.03, cy - r - 0.03, cx + r + 0.03, cy + r + 0.03)
    # An accent-coloured ring separates the badge from the document it overlaps.
    canvas.fill(lambda x, y: (x - cx) ** 2 + (y - cy) ** 2 <= (r + 0.025) ** 2, accent, box)
    canvas.fill(lambda x, y: (x - cx) ** 2 + (y - cy) ** 2 <= r * r, _hex(BADGE), box)
    (ax, ay), (bx, by), (qx, qy) = ((cx + dx, cy + dy) for dx, dy in _CHECK)
    white = (255, 255, 255, 255)
    canvas.fill(_segment(ax, ay, bx, by, 0.045), white, box)
    canvas.fill(_segment(bx, by, qx, qy, 0.045), white, box)
    return canvas.to_png()


@functools.cache
def outline_icon() -> bytes:
    """The 32×32 outline icon: white strokes on a transparent background, as Teams requires."""
    white = (255, 255, 255, 255)
    canvas = Canvas(32)
    x0, y0, x1, y1 = 0.22, 0.12, 0.78, 0.88
    frame = _ring(
        _rounded_rect(x0, y0, x1, y1, 0.08),
        _rounded_rect(x0 + 0.08, y0 + 0.08, x1 - 0.08, y1 - 0.08, 0.02),
    )
    canvas.fill(frame, white, (x0, y0, x1, y1))
    for y, x_end in ((0.38, 0.66), (0.53, 0.66), (0.68, 0.52)):
        canvas.fill(_segment(0.36, y, x_end, y, 0.07), white, (0.3, y - 0.06, 0.72, y + 0.06))
    return canvas.to_png()
