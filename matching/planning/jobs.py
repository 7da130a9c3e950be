"""Solve jobs: queue one, run it with live progress and cancel, and store its plan only when it succeeds.

A failed, timed-out or cancelled solve writes nothing but the job's own row: the published plan
and the current draft stay exactly as they were.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, is_dataclass
from datetime import date, datetime, timezone
from typing import Any, Optional

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from matching.models import JobStatus, Plan, PlanKind, PlanStatus, SolveJob
from matching.models.base import utcnow
from matching.planning.heartbeat import HEARTBEAT_S, Heartbeat, fail_dead_jobs
from matching.planning.registry import handler_for
from matching.services.audit import record
from matching.services.errors import NotFound

log = logging.getLogger(__name__)

# Progress is written to the database at most this often, so a fast solver cannot flood it.
PROGRESS_INTERVAL_S = 0.5
LOST_MESSAGE = "interrupted: the worker running the solve stopped"


class JobAlreadyRunning(RuntimeError):
    """A solve of this kind is already queued or running for the programme: job_id names it."""

    def __init__(self, job_id: int):
        super().__init__(f"job {job_id} is still running")
        self.job_id = job_id


@dataclass(frozen=True)
class JobView:
    """A job as its page shows it."""

    id: int
    kind: PlanKind
    status: JobStatus
    progress: dict[str, Any]
    error: str
    result_plan_id: Optional[int]
    created_at: datetime
    finished_at: Optional[datetime]

    @property
    def finished(self) -> bool:
        """Whether the job has stopped, for good or ill."""
        return self.status in (JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED)


def _view(job: SolveJob) -> JobView:
    progress = dict(job.progress or {})
    if job.status is JobStatus.RUNNING and job.started_at is not None:
        # The solver reports only when its plan improves, so a long search would show a frozen clock: the
        # seconds of a running job are counted from its start.
        started = job.started_at if job.started_at.tzinfo else job.started_at.replace(tzinfo=timezone.utc)
        progress["elapsed"] = round(max(progress.get("elapsed") or 0.0, (utcnow() - started).total_seconds()), 1)
    return JobView(job.id, job.kind, job.status, progress, job.error, job.result_plan_id, job.created_at,
                   job.finished_at)


def queue_solve(session: Session, programme_id: int, kind: PlanKind, user_id: Optional[int],
                base_plan_id: Optional[int] = None, heartbeat_s: float = HEARTBEAT_S) -> int:
    """Record a solve to run; refuses while another solve of the kind is queued or running (and alive)."""
    fail_dead_jobs(session, heartbeat_s)
    unfinished = session.scalars(
        select(SolveJob.id).where(SolveJob.programme_id == programme_id, SolveJob.kind == kind,
                                  SolveJob.status.in_([JobStatus.QUEUED, JobStatus.RUNNING]))
    ).first()
    if unfinished is not None:
        raise JobAlreadyRunning(unfinished)
    job = SolveJob(programme_id=programme_id, kind=kind, requested_by_id=user_id, base_plan_id=base_plan_id)
    session.add(job)
    session.flush()
    record(session, user_id, "solve_started", "solve_job", job.id, kind=kind.value, base_plan_id=base_plan_id)
    session.commit()
    return job.id


def job_view(session: Session, job_id: int, heartbeat_s: float = HEARTBEAT_S) -> JobView:
    """The job's status, progress and result (a running job whose runner died is failed first)."""
    fail_dead_jobs(session, heartbeat_s)
    job = session.get(SolveJob, job_id)
    if job is None:
        raise NotFound(f"solve job {job_id}")
    return _view(job)


def request_cancel(session: Session, job_id: int, user_id: Optional[int]) -> None:
    """Stop a job: a queued one is cancelled at once, a running one is asked to stop and its result thrown away."""
    job = session.get(SolveJob, job_id)
    if job is None:
        raise NotFound(f"solve job {job_id}")
    if job.status in (JobStatus.QUEUED, JobStatus.RUNNING):
        job.cancel_requested = True
        record(session, user_id, "solve_cancel_requested", "solve_job", job.id)
        session.commit()
        # Nobody may be left to pick a queued job up (its worker is down): cancel it here, unless a runner
        # claimed it in between, in which case the flag stops it.
        _finish(session, job_id, JobStatus.CANCELLED, from_status=JobStatus.QUEUED)


def _finish(session: Session, job_id: int, status: JobStatus, error: str = "",
            from_status: JobStatus = JobStatus.RUNNING) -> bool:
    """Move the job from from_status to its final status and commit; False when it was no longer there."""
    moved = session.execute(
        update(SolveJob).where(SolveJob.id == job_id, SolveJob.status == from_status)
        .values(status=status, error=error[:500], finished_at=utcnow()).execution_options(synchronize_session=False)
    ).rowcount
    if moved:
        session.commit()
    else:
        session.rollback()
    return moved == 1


def _claim(session: Session, job_id: int) -> bool:
    """Take a queued job for this runner (atomically: two runners given the same job cannot both run it)."""
    now = utcnow()
    claimed = session.execute(
        update(SolveJob).where(SolveJob.id == job_id, SolveJob.status == JobStatus.QUEUED)
        .values(status=JobStatus.RUNNING, started_at=now, heartbeat_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    session.commit()
    return claimed == 1


def _json_number(value: Any) -> Any:
    """A progress value fit for JSON: an unknown bound (NaN or infinity) becomes None."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


class _ProgressWriter:
    """Writes the solver's progress to the job row, throttled; answers whether a cancel was asked."""

    def __init__(self, session_factory: sessionmaker, job_id: int, started: float, cancel: threading.Event):
        self._factory, self._job_id, self._started, self._cancel = session_factory, job_id, started, cancel
        self._last_write = 0.0
        self._last_poll = 0.0
        self.latest: dict[str, Any] = {}

    def __call__(self, progress: Any) -> None:
        now = time.monotonic()
        values = {key: _json_number(value)
                  for key, value in (asdict(progress) if is_dataclass(progress) else dict(progress)).items()}
        self.latest = values  # stored with the plan at the end, even when the write below is skipped
        if now - self._last_write < PROGRESS_INTERVAL_S:
            return
        self._last_write = now
        values = {**values, "elapsed": round(now - self._started, 1)}
        with self._factory() as session:
            job = session.get(SolveJob, self._job_id)
            job.progress = values
            session.commit()

    def should_stop(self) -> bool:
        """Whether the coordinator asked to cancel (checked in memory, and in the database now and then)."""
        if self._cancel.is_set():
            return True
        now = time.monotonic()
        if now - self._last_poll >= PROGRESS_INTERVAL_S:
            self._last_poll = now
            with self._factory() as session:
                if session.scalar(select(SolveJob.cancel_requested).where(SolveJob.id == self._job_id)):
                    self._cancel.set()
        return self._cancel.is_set()


def run_solve(session_factory: sessionmaker, job_id: int, time_limit_s: float, today: date, seed: int = 0,
              cancel: Optional[threading.Event] = None, heartbeat_s: float = HEARTBEAT_S,
              owner_alive: Optional[Callable[[], bool]] = None) -> JobStatus:
    """Run a queued job to its end and return its final status; a new plan is stored only on success."""
    cancel = cancel or threading.Event()
    with session_factory() as session:
        job = session.get(SolveJob, job_id)
        if job is None:
            return JobStatus.FAILED
        if job.cancel_requested and _finish(session, job_id, JobStatus.CANCELLED, from_status=JobStatus.QUEUED):
            return JobStatus.CANCELLED
        if not _claim(session, job_id):
            session.refresh(job)
            return job.status
        session.refresh(job)
        beats = Heartbeat(session_factory, job_id, cancel, heartbeat_s, owner_alive or (lambda: True))
        with beats:
            return _solve_and_store(session, session_factory, job, cancel, beats, time_limit_s, today, seed)


def _solve_and_store(session: Session, session_factory: sessionmaker, job: SolveJob, cancel: threading.Event,
                     beats: Heartbeat, time_limit_s: float, today: date, seed: int) -> JobStatus:
    started = time.monotonic()
    handler = handler_for(job.kind)
    try:
        problem = handler.build_problem(session, job.programme_id, job.base_plan_id, today)
        # End the read transaction before solving: on SQLite an open one blocks the progress writer.
        session.commit()
        writer = _ProgressWriter(session_factory, job.id, started, cancel)
        # The job's limit covers building the problem too (the solver keeps time for storing); a slow database
        # still leaves the solver half of it.
        left = max(time_limit_s / 2, time_limit_s - (time.monotonic() - started))
        solution = handler.solve(problem, left, seed, writer, writer.should_stop)
    except Exception as exc:  # the job page must say what went wrong; the traceback goes to the log
        log.exception("solve job %s failed", job.id)
        session.rollback()
        return _end(session, job.id, JobStatus.FAILED, f"{type(exc).__name__}: {exc}")
    if beats.gone():  # checked before the cancel: losing the job sets the cancel event too
        return _end(session, job.id, JobStatus.FAILED, LOST_MESSAGE)
    session.refresh(job)
    if cancel.is_set() or job.cancel_requested:
        return _end(session, job.id, JobStatus.FAILED, LOST_MESSAGE) if beats.gone() else _end(
            session, job.id, JobStatus.CANCELLED)
    if not handler.has_plan(solution):
        return _end(session, job.id, JobStatus.FAILED, f"no plan: solver status {getattr(solution, 'status', '?')}")
    try:
        plan = _store_result(session, job, handler, problem, solution)
        job.result_plan_id = plan.id
        job.progress = {**(job.progress or {}), **writer.latest, "elapsed": round(time.monotonic() - started, 1)}
        session.flush()
    except Exception as exc:
        log.exception("storing the result of solve job %s failed", job.id)
        session.rollback()
        return _end(session, job.id, JobStatus.FAILED, f"{type(exc).__name__}: {exc}")
    # The plan and the job's success commit together, and only if no other process failed the job meanwhile.
    _finish(session, job.id, JobStatus.SUCCEEDED)
    return _status(session, job.id)


def _end(session: Session, job_id: int, status: JobStatus, error: str = "") -> JobStatus:
    _finish(session, job_id, status, error)
    return _status(session, job_id)


def _status(session: Session, job_id: int) -> JobStatus:
    return session.scalar(select(SolveJob.status).where(SolveJob.id == job_id))


def _store_result(session: Session, job: SolveJob, handler, problem: Any, solution: Any) -> Plan:
    """A new plan from the solution: the draft if there is none yet, else a proposal against the draft.

    The base plan's pins are carried over, so the next re-solve keeps them too.
    """
    draft_exists = session.scalars(
        select(Plan.id).where(Plan.programme_id == job.programme_id, Plan.kind == job.kind,
                              Plan.status == PlanStatus.DRAFT)
    ).first() is not None
    plan = Plan(programme_id=job.programme_id, kind=job.kind, created_by_id=job.requested_by_id,
                status=PlanStatus.PROPOSED if draft_exists else PlanStatus.DRAFT, based_on_id=job.base_plan_id)
    session.add(plan)
    session.flush()
    handler.store(session, plan, problem, solution)
    if job.base_plan_id is not None:
        handler.copy_decisions(session, session.get(Plan, job.base_plan_id), plan)
    record(session, job.requested_by_id, "plan_created", "plan", plan.id, job_id=job.id, status=plan.status.value)
    return plan
