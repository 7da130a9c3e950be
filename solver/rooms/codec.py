"""JSON <-> dataclasses for "rooms-problem/2" (also reads /1) and "rooms-solution/1"; bad input raises ProblemError naming the field."""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from importlib import resources

from solver.busy import busy_from_json, busy_to_json
from solver.clock import WEEKDAYS, format_time, parse_time, parse_weekday, parse_window, window_to_json
from solver.errors import ProblemError
from solver.geo import Coordinates
from solver.rooms.problem import (
    Child, ChildSitePin, Period, Pins, PreviousPlan, PreviousSession, RoomsProblem, SessionPin, Site, SpecialPeriod,
    StaffPin, Tutor,
)
from solver.rooms.solution import (
    ChangeSummary, ChildAssignment, ChildMove, PhaseStats, RoomsSolution, Session, Shortfall, StaffChange, TutorLoad,
)
from solver.rooms.validate import validate_problem
from solver.schema_errors import SchemaCheck

PROBLEM_FORMAT = "rooms-problem/2"
SOLUTION_FORMAT = "rooms-solution/1"


@lru_cache(maxsize=2)
def load_schema(name: str) -> dict:
    """The JSON schema shipped with the package: "rooms-problem" or "rooms-solution"."""
    text = resources.files("solver.rooms.schema").joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=2)
def _schema_check(name: str) -> SchemaCheck:
    return SchemaCheck(load_schema(name))


def _validate_schema(data: object, name: str) -> None:
    _schema_check(name).validate(data)


def _date(value: str, field: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ProblemError(field, f"expected a date YYYY-MM-DD, got {value!r}") from None


def _dates(values, field: str) -> frozenset[date]:
    return frozenset(_date(v, f"{field}[{i}]") for i, v in enumerate(values or ()))


def _coords(value: dict) -> Coordinates:
    return Coordinates(float(value["lat"]), float(value["lon"]))


def _site(d: dict, f: str) -> Site:
    return Site(
        id=d["id"], name=d.get("name", d["id"]), location=_coords(d["location"]), target_sessions=d["target_sessions"],
        windows=tuple(parse_window(w, f"{f}.windows[{j}]") for j, w in enumerate(d["windows"])),
        capacity=d["capacity"], closed_dates=_dates(d.get("closed_dates"), f"{f}.closed_dates"),
        min_gap_days=d.get("min_gap_days", 1), min_tutors=d.get("min_tutors", 1),
        children_per_tutor=d.get("children_per_tutor", 4),
    )


def _tutor(d: dict, f: str) -> Tutor:
    return Tutor(
        id=d["id"], name=d.get("name", d["id"]), site_ids=tuple(d["site_ids"]),
        availability=tuple(parse_window(w, f"{f}.availability[{j}]") for j, w in enumerate(d["availability"])),
        max_sessions_per_month=d["max_sessions_per_month"],
        unavailable_dates=_dates(d.get("unavailable_dates"), f"{f}.unavailable_dates"),
        preferred_site_ids=tuple(d.get("preferred_site_ids", ())),
        busy=busy_from_json(d.get("busy"), f"{f}.busy"),
    )


def _child(d: dict, f: str) -> Child:
    return Child(
        id=d["id"], grade=d["grade"], home=_coords(d["home"]),
        weekdays=frozenset(parse_weekday(w, f"{f}.weekdays[{j}]") for j, w in enumerate(d["weekdays"])),
        allowed_site_ids=tuple(d.get("allowed_site_ids", ())), preferred_site_ids=tuple(d.get("preferred_site_ids", ())),
    )


def _pins(d: dict) -> Pins:
    return Pins(
        sessions=tuple(SessionPin(p["site_id"], _date(p["date"], f"pins.sessions[{k}].date")) for k, p in enumerate(d.get("sessions", ()))),
        staff=tuple(StaffPin(p["site_id"], _date(p["date"], f"pins.staff[{k}].date"), p["tutor_id"]) for k, p in enumerate(d.get("staff", ()))),
        child_sites=tuple(ChildSitePin(p["child_id"], p["site_id"]) for p in d.get("child_sites", ())),
    )


def _previous(d: dict | None) -> PreviousPlan | None:
    if d is None:
        return None
    return PreviousPlan(
        sessions=tuple(PreviousSession(p["site_id"], _date(p["date"], f"previous.sessions[{k}].date"), tuple(p.get("staff", ())))
                       for k, p in enumerate(d.get("sessions", ()))),
        child_sites=tuple(ChildSitePin(p["child_id"], p["site_id"]) for p in d.get("child_sites", ())),
    )


def problem_from_json(data: object) -> RoomsProblem:
    """Read a "rooms-problem/2" (or /1) document; raise ProblemError naming the field when it is malformed or inconsistent."""
    _validate_schema(data, "rooms-problem")
    problem = RoomsProblem(
        period=Period(_date(data["period"]["start"], "period.start"), _date(data["period"]["end"], "period.end")),
        sites=tuple(_site(d, f"sites[{i}]") for i, d in enumerate(data["sites"])),
        tutors=tuple(_tutor(d, f"tutors[{i}]") for i, d in enumerate(data["tutors"])),
        children=tuple(_child(d, f"children[{i}]") for i, d in enumerate(data["children"])),
        closed_dates=_dates(data.get("closed_dates"), "closed_dates"),
        special_periods=tuple(
            SpecialPeriod(d["kind"], _date(d["start"], f"special_periods[{i}].start"), _date(d["end"], f"special_periods[{i}].end"),
                          tuple(d.get("site_ids", ())), d.get("label", ""))
            for i, d in enumerate(data.get("special_periods", ()))),
        pins=_pins(data.get("pins", {})),
        previous=_previous(data.get("previous")),
    )
    validate_problem(problem)
    return problem


def _iso(days) -> list[str]:
    return [d.isoformat() for d in sorted(days)]


def problem_to_json(problem: RoomsProblem) -> dict:
    """Write a problem as a "rooms-problem/2" document."""
    out = {
        "format": PROBLEM_FORMAT,
        "period": {"start": problem.period.start.isoformat(), "end": problem.period.end.isoformat()},
        "closed_dates": _iso(problem.closed_dates),
        "special_periods": [{"kind": p.kind, "start": p.start.isoformat(), "end": p.end.isoformat(),
                             "site_ids": list(p.site_ids), "label": p.label} for p in problem.special_periods],
        "sites": [{"id": s.id, "name": s.name, "location": {"lat": s.location.lat, "lon": s.location.lon},
                   "target_sessions": s.target_sessions, "windows": [window_to_json(w) for w in s.windows],
                   "capacity": s.capacity, "closed_dates": _iso(s.closed_dates), "min_gap_days": s.min_gap_days,
                   "min_tutors": s.min_tutors, "children_per_tutor": s.children_per_tutor} for s in problem.sites],
        "tutors": [{"id": t.id, "name": t.name, "site_ids": list(t.site_ids),
                    "availability": [window_to_json(w) for w in t.availability],
                    "unavailable_dates": _iso(t.unavailable_dates), "max_sessions_per_month": t.max_sessions_per_month,
                    "preferred_site_ids": list(t.preferred_site_ids), "busy": busy_to_json(t.busy)} for t in problem.tutors],
        "children": [{"id": c.id, "grade": c.grade, "home": {"lat": c.home.lat, "lon": c.home.lon},
                      "weekdays": [WEEKDAYS[w] for w in sorted(c.weekdays)], "allowed_site_ids": list(c.allowed_site_ids),
                      "preferred_site_ids": list(c.preferred_site_ids)} for c in problem.children],
        "pins": {
            "sessions": [{"site_id": p.site_id, "date": p.date.isoformat()} for p in problem.pins.sessions],
            "staff": [{"site_id": p.site_id, "date": p.date.isoformat(), "tutor_id": p.tutor_id} for p in problem.pins.staff],
            "child_sites": [{"child_id": p.child_id, "site_id": p.site_id} for p in problem.pins.child_sites],
        },
    }
    if problem.previous is not None:
        out["previous"] = {
            "sessions": [{"site_id": s.site_id, "date": s.date.isoformat(), "staff": list(s.staff)} for s in problem.previous.sessions],
            "child_sites": [{"child_id": p.child_id, "site_id": p.site_id} for p in problem.previous.child_sites],
        }
    return out


def _changes_to_json(c: ChangeSummary | None) -> dict | None:
    if c is None:
        return None
    return {
        "sessions_kept": c.sessions_kept,
        "sessions_added": [{"site_id": s, "date": d.isoformat()} for s, d in c.sessions_added],
        "sessions_dropped": [{"site_id": s, "date": d.isoformat()} for s, d in c.sessions_dropped],
        "sessions_restaffed": [{"site_id": r.site_id, "date": r.date.isoformat(), "added": list(r.added), "removed": list(r.removed)}
                               for r in c.sessions_restaffed],
        "children_kept": c.children_kept,
        "children_moved": [{"child_id": m.child_id, "from_site_id": m.from_site_id, "to_site_id": m.to_site_id} for m in c.children_moved],
    }


def solution_to_json(solution: RoomsSolution) -> dict:
    """Write a plan as a "rooms-solution/1" document."""
    return {
        "format": SOLUTION_FORMAT, "status": solution.status, "objective": solution.objective, "bound": solution.bound,
        "seconds": round(solution.seconds, 3), "seed": solution.seed,
        "sessions": [{"site_id": s.site_id, "date": s.date.isoformat(), "weekday": WEEKDAYS[s.date.weekday()],
                      "start": format_time(s.start), "end": format_time(s.end), "staff": list(s.staff),
                      "required_staff": s.required_staff, "expected_children": s.expected_children} for s in solution.sessions],
        "child_sites": [{"child_id": a.child_id, "site_id": a.site_id, "travel_minutes": a.travel_minutes} for a in solution.assignments],
        "tutor_loads": [{"tutor_id": t.tutor_id, "sessions": t.sessions, "site_ids": list(t.site_ids)} for t in solution.tutor_loads],
        "shortfalls": [{"kind": s.kind, "missing": s.missing, "reason_ja": s.reason_ja, "reason_en": s.reason_en,
                        "site_id": s.site_id, "child_id": s.child_id, "month": s.month} for s in solution.shortfalls],
        "changes": _changes_to_json(solution.changes),
        "phases": [{"name": p.name, "status": p.status, "objective": p.objective, "bound": p.bound, "seconds": round(p.seconds, 3)}
                   for p in solution.phases],
    }


def _changes_from_json(d: dict | None) -> ChangeSummary | None:
    if d is None:
        return None
    return ChangeSummary(
        sessions_kept=d.get("sessions_kept", 0),
        sessions_added=tuple((s["site_id"], date.fromisoformat(s["date"])) for s in d.get("sessions_added", ())),
        sessions_dropped=tuple((s["site_id"], date.fromisoformat(s["date"])) for s in d.get("sessions_dropped", ())),
        sessions_restaffed=tuple(StaffChange(r["site_id"], date.fromisoformat(r["date"]), tuple(r["added"]), tuple(r["removed"]))
                                 for r in d.get("sessions_restaffed", ())),
        children_kept=d.get("children_kept", 0),
        children_moved=tuple(ChildMove(m["child_id"], m["from_site_id"], m["to_site_id"]) for m in d.get("children_moved", ())),
    )


def solution_from_json(data: object) -> RoomsSolution:
    """Read a "rooms-solution/1" document; raise ProblemError naming the field when it is malformed."""
    _validate_schema(data, "rooms-solution")
    return RoomsSolution(
        status=data["status"], objective=data["objective"], bound=data["bound"], seconds=data["seconds"], seed=data["seed"],
        sessions=tuple(Session(s["site_id"], _date(s["date"], f"sessions[{i}].date"), parse_time(s["start"], f"sessions[{i}].start"),
                               parse_time(s["end"], f"sessions[{i}].end"), tuple(s["staff"]), s.get("required_staff", 0),
                               s.get("expected_children", 0)) for i, s in enumerate(data["sessions"])),
        assignments=tuple(ChildAssignment(a["child_id"], a["site_id"], a.get("travel_minutes")) for a in data["child_sites"]),
        tutor_loads=tuple(TutorLoad(t["tutor_id"], t["sessions"], tuple(t.get("site_ids", ()))) for t in data["tutor_loads"]),
        shortfalls=tuple(Shortfall(s["kind"], s["missing"], s["reason_ja"], s["reason_en"], s.get("site_id"), s.get("child_id"),
                                   s.get("month")) for s in data["shortfalls"]),
        changes=_changes_from_json(data.get("changes")),
        phases=tuple(PhaseStats(p["name"], p["status"], p["objective"], p["bound"], p["seconds"]) for p in data.get("phases", ())),
    )
