"""The roster upload form: a workbook or a CSV file, and which sheet a CSV file holds."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired

from webapp.coordinator.forms.fields import choice

KINDS = (("children", _l("子ども")), ("tutors", _l("講師")), ("sites", _l("会場")))


class RosterUploadForm(FlaskForm):
    """The file to import; for CSV, the kind of rows it holds (a workbook names its sheets)."""

    file = FileField(_l("ファイル(.xlsx または .csv)"), validators=[
        FileRequired(_l("ファイルを選んでください")),
        FileAllowed(["xlsx", "csv"], _l(".xlsx か .csv のファイルを選んでください")),
    ])
    kind = choice(_l("CSVの内容"), [])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = list(KINDS)
