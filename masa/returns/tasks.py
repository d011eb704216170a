"""Background tasks for statutory returns (run by `manage.py db_worker`; immediately in tests)."""

from django_tasks import task


@task()
def run_return_import(*, job_id: str) -> None:
    """Import an uploaded return: see :func:`masa.returns.services.return_job_run`."""
    from masa.returns.services import return_job_run

    return_job_run(int(job_id))
