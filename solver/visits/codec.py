"""JSON <-> dataclasses for "visits-problem/2" (also reads /1) and "visits-solution/2" (reads /1), validated against the
shipped schemas."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from functools import cache
from importlib import resources

from solver.busy import busy_from_json, busy_to_json
from solver.clock import WEEKDAYS, format_time, parse_time, parse_weekday, parse_window, window_to_json
from solver.errors import ProblemError
from solver.geo import Coordinates
from solver.schema_errors import SchemaCheck
from solver.visits.problem import (
    DEFAULT_GRID_MINUTES,
    DEFAULT_MAX_CLASH_DATES,
    Child,
    CurrentVisit,
    ForbiddenPair,
    Need,
    Pin,
    Tutor,
    TutorSubject,
    VisitsProblem,
    Weights,
)
from solver.visits.solution import ChangeSummary, Move, Suggestion, UnmetNeed, Visit, VisitsSolution, WaitingCounts

PROBLEM_FORMAT = "visits-problem/2"
SOLUTION_FORMAT = "visits-solution/2"  # /2 adds unmet[].tutors and unmet[].suggestion; /1 documents still read


@cache
def load_schema(name: str) -> dict:
    """The JSON Schema shipped with the package: "visits-problem" or "visits-solution"."""
    text = resources.files("solver.visits").joinpath(f"schema/{name}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def schema_check(name: str) -> SchemaCheck:
    """The shipped schema compiled once for fast checks: "visits-problem" or "visits-solution"."""
    return SchemaCheck(load_schema(name))


def validate(data: object, schema_name: str) -> None:
    """Validate against a schema; raise ProblemError naming the first field at fault."""
    schema_check(schema_name).validate(data)


def _coords(data: dict) -> Coordinates:
    return Coordinates(float(data["lat"]), float(data["lon"]))


def _child(data: dict, field: str) -> Child:
    needs = tuple(Need(n["subject"], n["minutes"], n["visits_per_week"]) for n in data["needs"])
    subjects = [n.subject for n in needs]
    for k, subject in enumerate(subjects):
        if subject in subjects[:k]:
            raise ProblemError(f"{field}.needs[{k}].subject", f"the need {subject!r} appears twice for one child")
    current = tuple(
        CurrentVisit(
            v["subject"],
            v["tutor_id"],
            parse_weekday(v["weekday"], f"{field}.current_visits[{k}].weekday"),
            parse_time(v["start"], f"{field}.current_visits[{k}].start"),
        )
        for k, v in enumerate(data.get("current_visits", ()))
    )
    return Child(
        id=data["id"],
        grade=data["grade"],
        home=_coords(data["home"]),
        needs=needs,
        availability=tuple(parse_window(w, f"{field}.availability[{k}]") for k, w in enumerate(data["availability"])),
        required_gender=data.get("required_gender"),
        languages=tuple(data.get("languages", ())),
        priority=data.get("priority", 0),
        days_waiting=data.get("days_waiting", 0),
        current_visits=current,
    )


def _tutor(data: dict, field: str) -> Tutor:
    subjects = []
    for k, s in enumerate(data["subjects"]):
        if s["max_grade"] < s["min_grade"]:
            raise ProblemError(f"{field}.subjects[{k}].max_grade", "the highest grade must not be below the lowest")
        subjects.append(TutorSubject(s["subject"], s["min_grade"], s["max_grade"]))
    return Tutor(
        id=data["id"],
        subjects=tuple(subjects),
        availability=tuple(parse_window(w, f"{field}.availability[{k}]") for k, w in enumerate(data["availability"])),
        max_visits_per_week=data["max_visits_per_week"],
        max_travel_minutes=data["max_travel_minutes"],
        home=_coords(data["home"]),
        gender=data.get("gender"),
        languages=tuple(data.get("languages", ())),
        busy=busy_from_json(data.get("busy"), f"{field}.busy"),
    )


def _unique_ids(items: list[dict], name: str) -> set[str]:
    seen: set[str] = set()
    for k, item in enumerate(items):
        if item["id"] in seen:
            raise ProblemError(f"{name}[{k}].id", f"the id {item['id']!r} is used twice")
        seen.add(item["id"])
    return seen


def problem_from_dict(data: object) -> VisitsProblem:
    """Read a "visits-problem/2" (or /1) document; raise ProblemError naming the field at fault."""
    validate(data, "visits-problem")
    assert isinstance(data, dict)
    child_ids = _unique_ids(data["children"], "children")
    tutor_ids = _unique_ids(data["tutors"], "tutors")
    children = tuple(_child(c, f"children[{k}]") for k, c in enumerate(data["children"]))
    tutors = tuple(_tutor(t, f"tutors[{k}]") for k, t in enumerate(data["tutors"]))
    needs_of = {c.id: {n.subject for n in c.needs} for c in children}
    pins = []
    for k, p in enumerate(data.get("pins", ())):
        if p["child_id"] not in child_ids:
            raise ProblemError(f"pins[{k}].child_id", f"unknown child {p['child_id']!r}")
        if p["tutor_id"] not in tutor_ids:
            raise ProblemError(f"pins[{k}].tutor_id", f"unknown tutor {p['tutor_id']!r}")
        if p["subject"] not in needs_of[p["child_id"]]:
            raise ProblemError(f"pins[{k}].subject", f"child {p['child_id']!r} has no need for {p['subject']!r}")
        pins.append(
            Pin(p["child_id"], p["subject"], p["tutor_id"], parse_weekday(p["weekday"], f"pins[{k}].weekday"), parse_time(p["start"], f"pins[{k}].start"))
        )
    forbidden = []
    for k, f in enumerate(data.get("forbidden_pairs", ())):
        if f["child_id"] not in child_ids:
            raise ProblemError(f"forbidden_pairs[{k}].child_id", f"unknown child {f['child_id']!r}")
        if f["tutor_id"] not in tutor_ids:
            raise ProblemError(f"forbidden_pairs[{k}].tutor_id", f"unknown tutor {f['tutor_id']!r}")
        forbidden.append(ForbiddenPair(f["child_id"], f["tutor_id"]))
    weights = Weights(**data.get("weights", {}))
    return VisitsProblem(children, tutors, tuple(pins), tuple(forbidden), weights, data.get("grid_minutes", DEFAULT_GRID_MINUTES),
                         data.get("max_clash_dates", DEFAULT_MAX_CLASH_DATES))


def problem_from_json(text: str) -> VisitsProblem:
    """Parse JSON text into a problem; malformed JSON becomes a ProblemError too."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProblemError("(document)", f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    return problem_from_dict(data)


def _window_list(windows) -> list[dict]:
    return [window_to_json(w) for w in windows]


def problem_to_dict(problem: VisitsProblem) -> dict:
    """Write a problem as a "visits-problem/2" document."""
    children = []
    for c in problem.children:
        children.append(
            {
                "id": c.id,
                "grade": c.grade,
                "home": {"lat": c.home.lat, "lon": c.home.lon},
                "needs": [asdict(n) for n in c.needs],
                "availability": _window_list(c.availability),
                "required_gender": c.required_gender,
                "languages": list(c.languages),
                "priority": c.priority,
                "days_waiting": c.days_waiting,
                "current_visits": [
                    {"subject": v.subject, "tutor_id": v.tutor_id, "weekday": WEEKDAYS[v.weekday], "start": format_time(v.start)}
                    for v in c.current_visits
                ],
            }
        )
    tutors = [
        {
            "id": t.id,
            "subjects": [asdict(s) for s in t.subjects],
            "availability": _window_list(t.availability),
            "max_visits_per_week": t.max_visits_per_week,
            "max_travel_minutes": t.max_travel_minutes,
            "gender": t.gender,
            "languages": list(t.languages),
            "home": {"lat": t.home.lat, "lon": t.home.lon},
            "busy": busy_to_json(t.busy),
        }
        for t in problem.tutors
    ]
    return {
        "format": PROBLEM_FORMAT,
        "grid_minutes": problem.grid_minutes,
        "max_clash_dates": problem.max_clash_dates,
        "weights": {f.name: getattr(problem.weights, f.name) for f in fields(Weights)},
        "children": children,
        "tutors": tutors,
        "pins": [
            {"child_id": p.child_id, "subject": p.subject, "tutor_id": p.tutor_id, "weekday": WEEKDAYS[p.weekday], "start": format_time(p.start)}
            for p in problem.pins
        ],
        "forbidden_pairs": [asdict(f) for f in problem.forbidden_pairs],
    }


def _visit_to_dict(v: Visit) -> dict:
    return {
        "child_id": v.child_id,
        "subject": v.subject,
        "tutor_id": v.tutor_id,
        "weekday": WEEKDAYS[v.weekday],
        "start": format_time(v.start),
        "end": format_time(v.end),
        "travel_minutes": v.travel_minutes,
    }


def _visit_from_dict(d: dict, field: str) -> Visit:
    return Visit(
        d["child_id"],
        d["subject"],
        d["tutor_id"],
        parse_weekday(d["weekday"], f"{field}.weekday"),
        parse_time(d["start"], f"{field}.start"),
        parse_time(d["end"], f"{field}.end"),
        d.get("travel_minutes", 0),
    )


def _unmet_to_dict(u: UnmetNeed) -> dict:
    out = {k: v for k, v in asdict(u).items() if k not in ("waiting", "suggestion")}
    if u.waiting is not None:
        w = u.waiting
        out["tutors"] = {"teaching": w.teaching, "counts": dict(w.counts), "text_ja": w.text_ja, "text_en": w.text_en}
    if u.suggestion is not None:
        g = u.suggestion
        out["suggestion"] = {"kind": g.kind, "tutor_id": g.tutor_id, "weekday": None if g.weekday is None else WEEKDAYS[g.weekday],
                             "start": None if g.start is None else format_time(g.start),
                             "end": None if g.end is None else format_time(g.end),
                             "other_changes": g.other_changes, "text_ja": g.text_ja, "text_en": g.text_en}
    return out


def _unmet_from_dict(d: dict) -> UnmetNeed:
    base = {k: v for k, v in d.items() if k not in ("tutors", "suggestion")}
    waiting = suggestion = None
    if "tutors" in d:
        t = d["tutors"]
        waiting = WaitingCounts(t["teaching"], tuple(t["counts"].items()), t["text_ja"], t["text_en"])
    if "suggestion" in d:
        g = d["suggestion"]
        suggestion = Suggestion(
            g["kind"], g.get("tutor_id"),
            None if g.get("weekday") is None else parse_weekday(g["weekday"], "unmet.suggestion.weekday"),
            None if g.get("start") is None else parse_time(g["start"], "unmet.suggestion.start"),
            None if g.get("end") is None else parse_time(g["end"], "unmet.suggestion.end"),
            g["other_changes"], g["text_ja"], g["text_en"])
    return UnmetNeed(**base, waiting=waiting, suggestion=suggestion)


def solution_to_dict(solution: VisitsSolution) -> dict:
    """Write a solution as a "visits-solution/2" document."""
    ch = solution.changes
    return {
        "format": SOLUTION_FORMAT,
        "status": solution.status,
        "objective": solution.objective,
        "best_bound": solution.best_bound,
        "coverage": round(solution.coverage, 6),
        "visits_wanted": solution.visits_wanted,
        "seconds": round(solution.seconds, 3),
        "visits": [_visit_to_dict(v) for v in solution.visits],
        "unmet": [_unmet_to_dict(u) for u in solution.unmet],
        "changes": {
            "kept": [_visit_to_dict(v) for v in ch.kept],
            "moved": [{"before": _visit_to_dict(m.before), "after": _visit_to_dict(m.after)} for m in ch.moved],
            "new": [_visit_to_dict(v) for v in ch.new],
            "dropped": [_visit_to_dict(v) for v in ch.dropped],
        },
    }


def solution_from_dict(data: object) -> VisitsSolution:
    """Read a "visits-solution/1" or "/2" document; raise ProblemError naming the field at fault."""
    validate(data, "visits-solution")
    assert isinstance(data, dict)
    ch = data.get("changes", {"kept": [], "moved": [], "new": [], "dropped": []})
    changes = ChangeSummary(
        kept=tuple(_visit_from_dict(v, f"changes.kept[{k}]") for k, v in enumerate(ch["kept"])),
        moved=tuple(
            Move(_visit_from_dict(m["before"], f"changes.moved[{k}].before"), _visit_from_dict(m["after"], f"changes.moved[{k}].after"))
            for k, m in enumerate(ch["moved"])
        ),
        new=tuple(_visit_from_dict(v, f"changes.new[{k}]") for k, v in enumerate(ch["new"])),
        dropped=tuple(_visit_from_dict(v, f"changes.dropped[{k}]") for k, v in enumerate(ch["dropped"])),
    )
    return VisitsSolution(
        status=data["status"],
        objective=data["objective"],
        best_bound=data["best_bound"],
        visits=tuple(_visit_from_dict(v, f"visits[{k}]") for k, v in enumerate(data["visits"])),
        unmet=tuple(_unmet_from_dict(u) for u in data.get("unmet", ())),
        changes=changes,
        visits_wanted=data.get("visits_wanted", 0),
        seconds=data.get("seconds", 0.0),
    )
