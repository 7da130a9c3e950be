"""Why a need is not fully covered, in plain Japanese and English, from the narrowest filter that empties the list."""

from __future__ import annotations

from collections import Counter

import numpy as np

from solver.clock import WEEKDAYS, WEEKDAYS_JA, format_time
from solver.grades import grade_label
from solver.subjects import subject_label
from solver.visits.candidates import Candidates, Combo, NeedInfo, TutorTable, forbidden_index, need_filters, words_for
from solver.visits.solution import UnmetNeed

GENDER_JA = {"female": "女性", "male": "男性"}


def child_times(info: NeedInfo) -> tuple[str, str]:
    """A child's free times as the reasons write them, in Japanese and English."""
    windows = sorted(info.child.availability)
    ja = "・".join(f"{WEEKDAYS_JA[w.weekday]}曜{format_time(w.start)}-{format_time(w.end)}" for w in windows)
    en = " or ".join(f"{WEEKDAYS[w.weekday].capitalize()} {format_time(w.start)}-{format_time(w.end)}" for w in windows)
    return ja or "（空き時間の登録なし）", en or "(no free time registered)"


def _empty_stage(info: NeedInfo, stages: list[tuple[str, np.ndarray]]) -> tuple[str, str, str, int]:
    """The first stage after which no tutor is left (code, ja, en), or ('taken', ...) with how many remain."""
    g, s = grade_label(info.child.grade), subject_label(info.need.subject)
    s_en = subject_label(info.need.subject, "en")
    times_ja, times_en = child_times(info)
    gender = info.child.required_gender or ""
    parts_ja = {
        "gender": f"{GENDER_JA.get(gender, gender)}で",
        "forbidden": "組み合わせ禁止に当たらず",
        "time": f"{times_ja}に空きがあり",
        "busy": "学習室の予定と重ならず",
        "travel": "移動時間の上限内で通える",
    }
    parts_en = {
        "gender": f"is {gender}",
        "forbidden": "is not a forbidden pair",
        "time": f"is free on {times_en}",
        "busy": "has no study-room sessions then",
        "travel": "can reach the home within their travel limit",
    }
    alive = None
    used_ja: list[str] = []
    used_en: list[str] = []
    for code, mask in stages:
        alive = mask if alive is None else alive & mask
        if code != "subject_grade":
            used_ja.append(parts_ja[code])
            used_en.append(parts_en[code])
        if not alive.any():
            if code == "subject_grade":
                return code, f"{g}に{s}を教えられる講師がいません", f"No tutor teaches {s_en} to {g} (grade {info.child.grade}).", 0
            last = {"gender": f"{GENDER_JA.get(gender, gender)}の", "forbidden": "組み合わせ禁止に当たらない", "time": f"{times_ja}に空きがある",
                    "busy": "学習室の予定と重ならない"}
            used_ja[-1] = last.get(code, used_ja[-1])  # the last clause ends the sentence, not a て-form
            ja = f"{g}に{s}を教えられる講師のうち、{'、'.join(used_ja)}人がいません"
            en = f"No tutor who teaches {s_en} to {g} (grade {info.child.grade}) " + ", ".join(used_en[:-1]) + (" and " if len(used_en) > 1 else "") + used_en[-1] + "."
            return f"no_tutor_{code}", ja, en, 0
    return "taken", "", "", int(alive.sum()) if alive is not None else 0


def explain_unmet(cands: Candidates, chosen: list[Combo]) -> list[UnmetNeed]:
    """One UnmetNeed for every need with fewer visits than wanted, in input order."""
    planned = Counter(c.need for c in chosen)
    short = [n for n in cands.needs if planned[n.index] < n.need.visits_per_week]
    if not short:
        return []
    problem = cands.problem
    table = TutorTable(problem, words_for(problem))
    forbidden = forbidden_index(problem)
    out = []
    for info in short:
        travel = table.travel_from(info.child)
        f = need_filters(table, info.child, info.need, travel, forbidden.get(info.child.id, []))
        stages = [("subject_grade", f.subject_grade)]
        if info.child.required_gender:
            stages.append(("gender", f.gender))
        if info.child.id in forbidden:
            stages.append(("forbidden", f.allowed))
        stages.append(("time", f.time_ok))
        if table.busy_tutors:
            stages.append(("busy", f.busy_ok))
        stages.append(("travel", f.travel_ok))
        code, ja, en, left = _empty_stage(info, stages)
        wanted, got = info.need.visits_per_week, planned[info.index]
        if code == "taken":
            ja = f"条件に合う講師は{left}人いますが、優先度の高い訪問で埋まっているか、時間が重なります"
            en = f"{left} tutor(s) qualify, but their time is taken by higher-priority visits or the visits would overlap."
        if got:
            ja = f"週{wanted}回のうち{got}回だけ計画できました。" + ja
            en = f"Only {got} of {wanted} weekly visits could be planned. " + en
        out.append(UnmetNeed(info.child.id, info.need.subject, wanted, got, code, ja, en))
    return out
