"""Solve jobs: queue one, run it with live progress and cancel, and store its plan only when it succeeds.

A failed, timed-out or cancelled solve writes nothing but the job's own row: the published plan
and the current draft stay exactly as they were.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from dataclasses import asdict, dataclass, is_dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from matching.models import JobStatus, Plan, PlanKind, PlanStatus, SolveJob
from matching.models.base import utcnow
from matching.planning.registry import handler_for
from matching.services.audit import record
from matching.services.errors import NotFound

log = logging.getLogger(__name__)

# Progress is written to the database at most this often, so a fast solver cannot flood it.
PROGRESS_INTERVAL_S = 0.5
# A job still "running" this long after it was queued died with its process (a restart): it no longer
# blocks new solves. Far above any solver time limit the site uses.
STALE_AFTER = timedelta(minutes=15)


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
    return JobView(job.id, job.kind, job.status, dict(job.progress or {}), job.error, job.result_plan_id,
                   job.created_at, job.finished_at)


def queue_solve(session: Session, programme_id: int, kind: PlanKind, user_id: Optional[int],
                base_plan_id: Optional[int] = None) -> int:
    """Record a solve to run; refuses while another solve of the kind is queued or running."""
    unfinished = session.scalars(
        select(SolveJob).where(SolveJob.programme_id == programme_id, SolveJob.kind == kind,
                               SolveJob.status.in_([JobStatus.QUEUED, JobStatus.RUNNING]))
    ).all()
    for job in unfinished:
        if _as_utc(job.created_at) < utcnow() - STALE_AFTER:
            _finish(session, job, JobStatus.FAILED, "interrupted: the server stopped while solving")
        else:
            raise JobAlreadyRunning(job.id)
    job = SolveJob(programme_id=programme_id, kind=kind, requested_by_id=user_id, base_plan_id=base_plan_id)
    session.add(job)
    session.flush()
    record(session, user_id, "solve_started", "solve_job", job.id, kind=kind.value, base_plan_id=base_plan_id)
    session.commit()
    return job.id


def job_view(session: Session, job_id: int) -> JobView:
    """The job's status, progress and result."""
    job = session.get(SolveJob, job_id)
    if job is None:
        raise NotFound(f"solve job {job_id}")
    return _view(job)


def request_cancel(session: Session, job_id: int, user_id: Optional[int]) -> None:
    """Ask a queued or running job to stop; its result, if any arrives, is thrown away."""
    job = session.get(SolveJob, job_id)
    if job is None:
        raise NotFound(f"solve job {job_id}")
    if job.status in (JobStatus.QUEUED, JobStatus.RUNNING):
        job.cancel_requested = True
        record(session, user_id, "solve_cancel_requested", "solve_job", job.id)
        session.commit()


def _as_utc(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; they were written in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _finish(session: Session, job: SolveJob, status: JobStatus, error: str = "") -> None:
    job.status = status
    job.error = error[:500]
    job.finished_at = utcnow()
    session.commit()


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

    def __call__(self, progress: Any) -> None:
        now = time.monotonic()
        if now - self._last_write < PROGRESS_INTERVAL_S:
            return
        self._last_write = now
        values = {key: _json_number(value)
                  for key, value in (asdict(progress) if is_dataclass(progress) else dict(progress)).items()}
        values["elapsed"] = round(now - self._started, 1)
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


def _cancelled(session: Session, job: SolveJob, cancel: threading.Event) -> bool:
    session.refresh(job)
    return cancel.is_set() or job.cancel_requested


def run_solve(session_factory: sessionmaker, job_id: int, time_limit_s: float, today: date, seed: int = 0,
              cancel: Optional[threading.Event] = None) -> JobStatus:
    """Run a queued job to its end and return its final status; a new plan is stored only on success."""
    cancel = cancel or threading.Event()
    started = time.monotonic()
    with session_factory() as session:
        job = session.get(SolveJob, job_id)
        if job is None or job.status is not JobStatus.QUEUED:
            return job.status if job else JobStatus.FAILED
        if job.cancel_requested:
            _finish(session, job, JobStatus.CANCELLED)
            return JobStatus.CANCELLED
        job.status, job.started_at = JobStatus.RUNNING, utcnow()
        session.commit()
        handler = handler_for(job.kind)
        try:
            problem = handler.build_problem(session, job.programme_id, job.base_plan_id, today)
            # End the read transaction before solving: on SQLite an open one blocks the progress writer.
            session.commit()
            writer = _ProgressWriter(session_factory, job_id, started, cancel)
            solution = handler.solve(problem, time_limit_s, seed, writer, writer.should_stop)
        except Exception as exc:  # the job page must say what went wrong; the traceback goes to the log
            log.exception("solve job %s failed", job_id)
            session.rollback()
            _finish(session, job, JobStatus.FAILED, f"{type(exc).__name__}: {exc}")
            return JobStatus.FAILED
        if _cancelled(session, job, cancel):
            _finish(session, job, JobStatus.CANCELLED)
            return JobStatus.CANCELLED
        if not handler.has_plan(solution):
            _finish(session, job, JobStatus.FAILED, f"no plan: solver status {getattr(solution, 'status', '?')}")
            return JobStatus.FAILED
        try:
            plan = _store_result(session, job, handler, problem, solution)
        except Exception as exc:
            log.exception("storing the result of solve job %s failed", job_id)
            session.rollback()
            _finish(session, job, JobStatus.FAILED, f"{type(exc).__name__}: {exc}")
            return JobStatus.FAILED
        job.result_plan_id = plan.id
        job.progress = {**(job.progress or {}), "elapsed": round(time.monotonic() - started, 1)}
        _finish(session, job, JobStatus.SUCCEEDED)
        return JobStatus.SUCCEEDED


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
