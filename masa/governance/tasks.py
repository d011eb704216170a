"""Background tasks for meetings (run by `manage.py db_worker`; immediately in tests)."""

from django_tasks import task


@task()
def convert_paper(*, paper_id: int) -> None:
    """Turn a Word, Excel or PowerPoint paper into PDF for the agenda pack: see
    :func:`masa.governance.services.paper_convert`."""
    from masa.governance.services import PAPER_CONVERTER, paper_convert

    paper_convert(actor=PAPER_CONVERTER, paper_id=paper_id)
