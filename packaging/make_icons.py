"""Render the app icon (resources/icons/backprop-studio.svg) for installers.

    python packaging/make_icons.py OUTDIR [--ico] [--icns]

Writes OUTDIR/backprop-studio-<N>.png for N in 16..1024, rendered by Qt's own
SVG renderer (PySide6 is in every build environment, so no other converter is
needed). With --ico / --icns it also writes OUTDIR/backprop-studio.ico and
OUTDIR/backprop-studio.icns with Pillow (``pip install pillow``), for the
Windows executables and installer and the macOS bundle.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
SVG = Path(__file__).resolve().parent.parent / "resources" / "icons" / "backprop-studio.svg"


def render_pngs(outdir: Path) -> dict[int, Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841  (QPainter needs it)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"error: {SVG}: not a valid SVG")
    out = {}
    for n in SIZES:
        image = QImage(n, n, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = outdir / f"backprop-studio-{n}.png"
        if not image.save(str(path)):
            raise SystemExit(f"error: could not write {path}")
        out[n] = path
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("outdir", type=Path)
    p.add_argument("--ico", action="store_true", help="also write backprop-studio.ico (Pillow)")
    p.add_argument("--icns", action="store_true", help="also write backprop-studio.icns (Pillow)")
    args = p.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    pngs = render_pngs(args.outdir)
    if args.ico or args.icns:
        from PIL import Image

        big = Image.open(pngs[1024]).convert("RGBA")
        if args.ico:
            big.save(
                args.outdir / "backprop-studio.ico",
                sizes=[(n, n) for n in (16, 24, 32, 48, 64, 128, 256)],
            )
        if args.icns:
            big.save(args.outdir / "backprop-studio.icns")
    for f in sorted(args.outdir.iterdir()):
        print(f"{f.stat().st_size:>9}  {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
