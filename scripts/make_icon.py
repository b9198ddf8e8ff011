"""Draw the application icon (an envelope with a check mark) and write it as PNG and ICO.

    python scripts/make_icon.py

Writes ``resources/icons/app.png`` (256 px, used by the window) and
``resources/app.ico`` (16 to 256 px, used by the Windows executable). Qt's
ICO writer stores one image per file, so the ICO container is assembled here
from PNG-compressed images, which Windows Vista and later read.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PNG_PATH = ROOT / "resources" / "icons" / "app.png"
ICO_PATH = ROOT / "resources" / "app.ico"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

ENVELOPE = QColor("#1f5fa8")
ENVELOPE_LIGHT = QColor("#e8f0fa")
BADGE = QColor("#2e9d46")


def draw(size: int) -> QImage:
    """Return the icon drawn at ``size`` x ``size`` pixels on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 256, size / 256)  # drawn on a 256-unit grid

    # The envelope: a rounded body and the flap's two lines meeting in the middle.
    body = QRectF(16, 52, 200, 140)
    painter.setPen(QPen(ENVELOPE, 12, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(ENVELOPE_LIGHT)
    painter.drawRoundedRect(body, 14, 14)
    flap = QPainterPath(QPointF(body.left() + 6, body.top() + 6))
    flap.lineTo(QPointF(body.center().x(), body.top() + 80))
    flap.lineTo(QPointF(body.right() - 6, body.top() + 6))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(flap)

    # The badge: a green disc with a white check mark, over the lower right corner.
    painter.setPen(QPen(QColor("white"), 10))
    painter.setBrush(BADGE)
    painter.drawEllipse(QPointF(188, 184), 60, 60)
    painter.setPen(QPen(QColor("white"), 18, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    check = QPainterPath(QPointF(160, 186))
    check.lineTo(QPointF(180, 206))
    check.lineTo(QPointF(218, 164))
    painter.drawPath(check)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """Return ``image`` encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode the icon as PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: list[bytes], sizes: tuple[int, ...]) -> bytes:
    """Return an ICO file holding the PNG ``images`` of the given ``sizes``.

    Layout: ICONDIR (reserved, type 1, count), one 16-byte ICONDIRENTRY per image
    (a width or height of 256 is stored as 0), then the images.
    """
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, data in zip(sizes, images):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(images)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)  # noqa: F841 - QPainter needs one

    PNG_PATH.parent.mkdir(parents=True, exist_ok=True)
    PNG_PATH.write_bytes(png_bytes(draw(256)))
    ICO_PATH.write_bytes(ico_bytes([png_bytes(draw(size)) for size in ICO_SIZES], ICO_SIZES))
    print(f"wrote {PNG_PATH.relative_to(ROOT)} and {ICO_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
