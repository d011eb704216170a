"""Pages of the charging policy and charges (docs/domain.md, "21.4 The register and charges"):
the coordinator sets the policy, sees every agency's charges and waives one with a reason; an
agency lead sees and downloads only their own agency's (thin: parse, call a service or
selector, render)."""

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from masa.accounts.permissions import PartnershipRequest, partnership_view, url_in
from masa.core.downloads import XLSX_TYPE, file_response
from masa.core.reads import record_read
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page
from masa.partnership.models import Agency
from masa.training.forms.charges import ChargeFilterForm, PolicyForm, WaiverForm
from masa.training.invoices import invoice_pdf_bytes
from masa.training.rules import MANAGE_TRAINING, VIEW_AGENCY_CHARGES
from masa.training.selectors import charges as selectors
from masa.training.services.charges import policy_for, policy_save, waive_charge
from masa.training.xlsx import charges_workbook

POLICY_SAVED = "The charging policy is saved. Charges already made keep their amounts."
WAIVED = "The charge of £{amount} to {agency} is waived"
POLICY_FIELDS = (
    "cancellation_cutoff_days",
    "no_show_charge",
    "late_cancellation_charge",
    "follow_up_weeks",
    "invoice_contact",
)

_url = url_in("training")


@partnership_view(MANAGE_TRAINING)
def policy_edit(request: PartnershipRequest) -> HttpResponse:
    policy = policy_for(request.partnership.pk)
    return form_page(
        request,
        form_class=PolicyForm,
        initial={name: getattr(policy, name) for name in POLICY_FIELDS},
        title="Charging policy",
        caption="Multi-agency training",
        save=lambda data: policy_save(actor=request.user, partnership_id=request.partnership.pk, **data),
        success_url=_url("charge_list", request),
        success_message=POLICY_SAVED,
        back_url=_url("charge_list", request),
    )


def _filters(request: PartnershipRequest) -> tuple[ChargeFilterForm, str, Agency | None]:
    user, partnership = request.user, request.partnership
    seen = selectors.agencies_seen(user, partnership)
    form = ChargeFilterForm(
        request.GET or None,
        quarters=selectors.quarters_with_charges(user, partnership, timezone.localdate()),
        agencies=Agency.objects.filter(pk__in=[a.pk for a in seen]).order_by("name"),
    )
    chosen = form.filters()
    return form, chosen.get("quarter", ""), chosen.get("agency")


def _record_lead_read(request: PartnershipRequest) -> None:
    """An agency lead reading the people named on their agency's charges is kept in the audit log
    (the coordinator's reads are their everyday work)."""
    if not selectors.sees_every_agency(request.user, request.partnership):
        own = selectors.own_agency_record(request.user, request.partnership)
        if own is not None:
            record_read(actor=request.user, instance=own)


@partnership_view(VIEW_AGENCY_CHARGES)
def charge_list(request: PartnershipRequest) -> HttpResponse:
    form, quarter, agency = _filters(request)
    charges = selectors.charge_list(request.user, request.partnership, quarter=quarter, agency=agency)
    _record_lead_read(request)
    query = request.GET.urlencode() if form.is_bound and not form.errors else ""
    context = {
        "form": form,
        "charges": charges,
        "totals": selectors.totals(charges),
        "can_manage": selectors.sees_every_agency(request.user, request.partnership),
        "policy": policy_for(request.partnership.pk),
        "query": query,
    }
    return render(request, "training/charges/charge_list.html", context, status=400 if form.errors else 200)


@partnership_view(VIEW_AGENCY_CHARGES)
def charge_report(request: PartnershipRequest) -> HttpResponse:
    """The charging report per agency per quarter as a workbook, for the filters chosen."""
    form, quarter, agency = _filters(request)
    charges = selectors.charge_list(request.user, request.partnership, quarter=quarter, agency=agency)
    _record_lead_read(request)
    if selectors.sees_every_agency(request.user, request.partnership):
        record_read(actor=request.user, instance=request.partnership)
    workbook = charges_workbook(selectors.totals(charges), charges, today=timezone.localdate())
    return file_response(workbook, f"{request.partnership.slug}-training-charges.xlsx", XLSX_TYPE)


@partnership_view(VIEW_AGENCY_CHARGES)
def invoice_pdf(request: PartnershipRequest, agency: Any, quarter: str) -> HttpResponse:
    """One agency's invoice lines for one quarter; another agency's is not found for a lead."""
    lines = found_or_404(selectors.invoice(request.user, request.partnership, agency, quarter))
    _record_lead_read(request)
    pdf = invoice_pdf_bytes(request.partnership, lines, policy_for(request.partnership.pk))
    name = f"{request.partnership.slug}-training-charges-{lines.slug}-{lines.agency.name}.pdf"
    return file_response(pdf, name, "application/pdf")


@partnership_view(MANAGE_TRAINING)
def charge_waive(request: PartnershipRequest, uuid: Any) -> HttpResponse:
    charge = found_or_404(selectors.charge_get(request.user, request.partnership, uuid))
    booking = charge.booking
    return form_page(
        request,
        form_class=WaiverForm,
        title=f"Waive the charge of £{charge.amount} to {charge.agency.name}",
        caption=f"{booking.person}, {booking.session}: {charge.get_reason_display().lower()}",
        save=lambda data: waive_charge(actor=request.user, charge=charge, reason=data["reason"]),
        success_url=_url("charge_list", request),
        success_message=WAIVED.format(amount=charge.amount, agency=charge.agency.name),
        back_url=_url("charge_list", request),
    )
