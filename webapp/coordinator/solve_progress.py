"""A solve's progress in the coordinator's quantities and words (visits, sessions, seconds, how close to the best)."""

from __future__ import annotations

from typing import Any, Optional

from flask_babel import gettext as _

from matching.models import PlanKind

# Below this relative gap between a plan and the solver's bound, the plan is as good as the best possible.
AS_GOOD_AS_BEST = 0.005


def closeness(kind: PlanKind, objective: Optional[float], bound: Optional[float]) -> str:
    """How far the plan can be from the best possible, in words, from the solver's objective and bound.

    Home visits maximise points (the bound is above the plan); study rooms minimise penalties (the bound is
    below). An unknown bound says so instead of guessing.
    """
    if objective is None or bound is None:
        return _("最善の計画との差はまだ分かりません")
    best, got = (bound, objective) if kind is PlanKind.VISITS else (objective, bound)
    if best <= 0:
        return _("これ以上良い計画はありません")
    gap = max(0.0, (best - got) / best)
    if gap <= AS_GOOD_AS_BEST:
        return _("これ以上良い計画はほぼありません")
    percent = f"{gap * 100:.1f}"
    return _("最善の計画との差は最大 %(percent)s%% です", percent=percent)


def progress_facts(kind: PlanKind, progress: dict[str, Any]) -> dict[str, str]:
    """The facts the job page shows, keyed as the page's cells, each already in words."""
    elapsed = progress.get("elapsed")
    seconds = f"{elapsed:.1f}" if elapsed is not None else None
    facts = {"elapsed": _("%(seconds)s 秒", seconds=seconds) if seconds is not None else "—"}
    if kind is PlanKind.VISITS:
        planned, wanted = progress.get("visits_planned"), progress.get("visits_wanted")
        facts["visits"] = (_("週 %(planned)s 回 / 希望 %(wanted)s 回", planned=planned, wanted=wanted)
                           if wanted else "—")
    else:
        held, staffed = progress.get("sessions_held"), progress.get("sessions_staffed")
        facts["sessions"] = (_("開催 %(held)s 回（うち講師がそろった回 %(staffed)s 回）", held=held, staffed=staffed)
                             if held is not None else "—")
    facts["closeness"] = (closeness(kind, progress.get("objective"), progress.get("bound"))
                          if progress.get("objective") is not None else "—")
    return facts
