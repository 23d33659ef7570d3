"""Languages: English (the source) and Korean, following the system unless chosen."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from .. import resources_dir

LANGUAGES = {"en": "English", "ko": "한국어"}
SETTING = "language"
_installed: list[QTranslator] = []

# Qt's own Korean catalogue (qtbase_ko.qm, shipped in PySide6-Essentials) lacks two labels
# of the file dialog, which got their mnemonics after it was translated: ours has them.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


class Retranslatable:
    """Mixin for widgets that set their texts in `retranslate()`: Qt sends every widget a
    LanguageChange when a translator is installed or removed, and this answers it. List it
    before the Qt base class so its changeEvent is found first; it passes the event on."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]


def chosen_language() -> str:
    """The language in the settings, or "system"."""
    value = QSettings().value(SETTING, "system")
    return value if value in LANGUAGES else "system"


def set_chosen_language(code: str) -> None:
    QSettings().setValue(SETTING, code)


def effective_language() -> str:
    choice = chosen_language()
    if choice != "system":
        return choice
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Load our Korean catalogue and Qt's own (for its dialogs); returns the language used."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    language = language or effective_language()
    if language == "en":
        return language
    ours = QTranslator(app)
    qm = resources_dir() / "translations" / f"backprop_studio_{language}.qm"
    if qm.is_file() and ours.load(str(qm)):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return language


def current_language() -> str:
    """The language the interface speaks now."""
    return "ko" if _installed else "en"


def error_text(exc: object) -> str:
    """A model error (or any model Text, such as an engine problem) in the interface's language."""
    from ..model.errors import ModelError, Text

    if isinstance(exc, (ModelError, Text)) or callable(getattr(exc, "translated", None)):
        return exc.translated(QCoreApplication.translate)  # type: ignore[union-attr]
    return str(exc)


def type_text(type_name: str) -> str:
    """A node type's name in the interface's language (``Mul`` is 곱셈 in Korean)."""
    return QCoreApplication.translate("ops", type_name)
