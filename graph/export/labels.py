"""Where names go on a picture: the drawing's frame, and label spots that overlap no other label or node.

Everything works in points (1/72 inch) of the finished picture, so a label's
box is its real size on paper.

>>> import numpy as np
>>> text_width("Ed", 10)
14.0
"""

from __future__ import annotations

import numpy as np

__all__ = ["frame", "place_labels", "text_width", "one_line"]


def frame(xy: np.ndarray, width_in: float, pad_pt: np.ndarray) -> tuple[float, float, float, float, float]:
    """Axes limits with equal scale and room for ``pad_pt`` points (left, right, bottom, top) around each point.

    Returns ``x0, x1, y0, y1, height_in`` for an axes ``width_in`` wide; the
    height follows the drawing, between 0.45 and 1.3 times the width.
    """
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    span = np.maximum(hi - lo, 1e-9)
    scale = float(span.max()) / (width_in * 72)  # data units per point
    for _ in range(4):  # padding depends on the scale, which depends on the padding
        x0 = float((xy[:, 0] - pad_pt[0] * scale).min())
        x1 = float((xy[:, 0] + pad_pt[1] * scale).max())
        y0 = float((xy[:, 1] - pad_pt[2] * scale).min())
        y1 = float((xy[:, 1] + pad_pt[3] * scale).max())
        height_in = float(np.clip((y1 - y0) / (x1 - x0) * width_in, 0.45 * width_in, 1.3 * width_in))
        scale = max((x1 - x0) / (width_in * 72), (y1 - y0) / (height_in * 72))
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_w, half_h = width_in * 36 * scale, height_in * 36 * scale
    return cx - half_w, cx + half_w, cy - half_h, cy + half_h, height_in


def place_labels(
    points: np.ndarray, radius: np.ndarray, texts: list[str], fontsize: float, must: int = 10
) -> list[tuple[int, float, float, str, str]]:
    """Greedy label placement in point space, in the order of ``texts``.

    Each label tries eight spots around its node (right, left, above, below,
    the diagonals), then the same further out, and takes the first whose box
    overlaps no label and no node; the first ``must`` labels that find none
    take the spot that overlaps least.  Returns ``(index, dx, dy, ha, va)``
    offsets in points.

    >>> pts = np.array([[0.0, 0.0], [20.0, 0.0]])  # no room between the two nodes
    >>> [ha for _, _, _, ha, _ in place_labels(pts, np.array([3.0, 3.0]), ["Åmål", "Ed"], 8, must=0)]
    ['right', 'left']
    """
    nodes = [(x - r, y - r, x + r, y + r) for (x, y), r in zip(points, radius)]
    labels: list[tuple[float, float, float, float]] = []
    placed = []
    height = fontsize * 1.25
    for i, text in enumerate(texts):
        if not text:
            continue
        options = _spots(points[i], radius[i], text_width(text, fontsize), height)
        cost = [sum(_shared_area(box, o) for o in labels) * 4 + sum(_shared_area(box, o) for j, o in enumerate(nodes) if j != i)
                for *_, box in options]
        best = next((k for k, c in enumerate(cost) if c == 0), None)
        if best is None and i < must:
            best = int(np.argmin(cost))
        if best is not None:
            dx, dy, ha, va, box = options[best]
            labels.append(box)
            placed.append((i, dx, dy, ha, va))
    return placed


def _spots(xy: np.ndarray, r: float, w: float, height: float) -> list[tuple]:
    """Candidate label spots around a node: eight directions, at one and two and a half gaps."""
    x, y = xy
    out = []
    for far in (1.0, 2.5):
        gap = (r + 2.0) * far + (far - 1.0) * 4.0
        d = gap * 0.75
        out += [
            (gap, 0.0, "left", "center", (x + gap, y - height / 2, x + gap + w, y + height / 2)),
            (-gap, 0.0, "right", "center", (x - gap - w, y - height / 2, x - gap, y + height / 2)),
            (0.0, gap, "center", "bottom", (x - w / 2, y + gap, x + w / 2, y + gap + height)),
            (0.0, -gap, "center", "top", (x - w / 2, y - gap - height, x + w / 2, y - gap)),
            (d, d, "left", "bottom", (x + d, y + d, x + d + w, y + d + height)),
            (-d, d, "right", "bottom", (x - d - w, y + d, x - d, y + d + height)),
            (d, -d, "left", "top", (x + d, y - d - height, x + d + w, y - d)),
            (-d, -d, "right", "top", (x - d - w, y - d - height, x - d, y - d)),
        ]
    return out


def _shared_area(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """The area two boxes share (0 when they do not overlap)."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def text_width(text: str, fontsize: float) -> float:
    """Estimated width in points of ``text`` in DejaVu Sans (about 0.6 em a character)."""
    return 0.6 * fontsize * len(text) + 2.0


def one_line(text: str, limit: int = 70) -> str:
    """Display text for a label: one line, at most ``limit`` characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
