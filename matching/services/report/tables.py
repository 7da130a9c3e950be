"""The report as tables (one per sheet of the export and per section of the page), with children's cells marked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Union

from matching.services.report.figures import Report, SiteFigures
from matching.services.report.small_cells import hide_small

Cell = Union[int, float, str, None]


@dataclass(frozen=True)
class Column:
    """A column: its key (translated by the caller) and whether its cells count children (hidden when small)."""

    key: str
    children: bool = False
    percent: bool = False


@dataclass(frozen=True)
class Table:
    """One table of the report: a key for its title, its columns and its rows."""

    key: str
    columns: list[Column]
    rows: list[list[Cell]]


def _ratio(part: int, whole: int) -> Cell:
    return part / whole if whole else None


def _site_row(site: SiteFigures, name: str) -> list[Cell]:
    return [name, site.target, site.planned, site.held, site.cancelled, site.unrecorded,
            _ratio(site.held, site.target), _ratio(site.held, site.planned)]


def report_tables(report: Report, label: Callable[[str], str]) -> list[Table]:
    """Every table of the report; label translates keys of categories (service, language, kind, outcome)."""
    total = label("total")
    c, p = (lambda key: Column(key, children=True)), (lambda key: Column(key, percent=True))
    return [
        Table("sessions", [Column("site"), Column("target"), Column("planned"), Column("held"), Column("cancelled"),
                           Column("unrecorded"), p("held_of_target"), p("held_of_planned")],
              [_site_row(s, s.site_name) for s in report.sites] + [_site_row(report.total, total)]),
        Table("months", [Column("month"), Column("target"), Column("planned"), Column("held"),
                         Column("session_attendances"), Column("visits_planned"), Column("visits_done")],
              [[m.month.strftime("%Y-%m"), m.sessions_target, m.sessions_planned, m.sessions_held,
                m.session_attendances, m.visits_planned, m.visits_done] for m in report.months]),
        Table("cancellations", [Column("date"), Column("site"), Column("reason")],
              [[x.on_date.isoformat(), x.site_name, x.reason or label("cancelled_in_plan")]
               for x in report.cancellations]),
        Table("served", [Column("breakdown"), Column("value"), c("registered"), c("attended")],
              [[label(s.breakdown), label(f"{s.breakdown}:{s.value}"), s.registered, s.attended]
               for s in report.served]),
        Table("attendance", [Column("site"), Column("held"), Column("attendances"), Column("expected"),
                             p("attendance_rate")],
              [[s.site_name or total, s.held, s.attendances, s.expected, s.attendance_rate]
               for s in (*report.sites, report.total)]),
        Table("distribution", [Column("sessions_attended"), c("children")],
              [[b.label, b.children] for b in report.attendance_distribution]),
        Table("visits", [Column("planned"), Column("done"), Column("child_absent"), Column("tutor_absent"),
                         Column("cancelled"), Column("unrecorded"), p("done_of_planned")],
              [[report.visits.planned, report.visits.done, report.visits.child_absent, report.visits.tutor_absent,
                report.visits.cancelled, report.visits.unrecorded, _ratio(report.visits.done, report.visits.planned)]]),
        Table("hours", [Column("tutor_kind"), Column("pay"), Column("tutors"), Column("visit_hours"),
                        Column("session_hours")],
              [[label(f"kind:{h.kind.value}"), label("paid" if h.paid else "volunteer"), h.tutors,
                round(h.visit_hours, 1), round(h.session_hours, 1)] for h in report.hours]),
        Table("waiting", [Column("days_waited"), c("children")], [[b.label, b.children] for b in report.waiting]),
        Table("progression", [Column("outcome"), c("children")],
              [[label(f"progression:{x.outcome.value if x.outcome else 'unrecorded'}"), x.children]
               for x in report.progression]),
    ]


def masked(tables: list[Table]) -> list[Table]:
    """The tables as they may leave the programme: every children's cell of 1 or 2 shown as "≤2"."""
    return [Table(t.key, t.columns, [[hide_small(v) if col.children and isinstance(v, int) else v
                                      for col, v in zip(t.columns, row)] for row in t.rows]) for t in tables]


def cell_text(value: Any, column: Column) -> str:
    """A cell as text for the page: percentages with one decimal, hours as given, empty for no value."""
    if value is None:
        return "—"
    if column.percent:
        return f"{value * 100:.1f}%"
    return str(value)
