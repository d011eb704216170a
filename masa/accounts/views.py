"""User management (business team), invitations and the user's own account."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from masa.accounts import selectors, services
from masa.accounts.forms import AcceptInvitationForm, ApiTokenForm, InvitationForm, MembershipForm
from masa.accounts.navigation import HOME, section_get, section_links
from masa.accounts.permissions import PartnershipRequest, SignedInRequest, partnership_view, signed_in_view
from masa.accounts.rules import MANAGE_USERS
from masa.core.access import public_view
from masa.core.reads import record_read
from masa.core.shortcuts import found_or_404
from masa.core.views import form_page
from masa.partnership.selectors import agency_choices


@partnership_view(HOME.permission)
def section(request: PartnershipRequest, section: str) -> HttpResponse:
    """A section of the service navigation: its pages this user may reach (docs/architecture.md)."""
    found = found_or_404(section_get(section), "No such section")
    links = section_links(request.user, request.partnership, found)
    if not links:
        raise PermissionDenied
    return render(request, "accounts/section.html", {"section": found, "links": links})


@partnership_view(MANAGE_USERS)
def user_list(request: PartnershipRequest) -> HttpResponse:
    return render(
        request,
        "accounts/user_list.html",
        {
            "memberships": selectors.membership_list(request.partnership),
            "invitations": selectors.invitation_list_open(request.partnership),
        },
    )


@partnership_view(MANAGE_USERS)
def invite(request: PartnershipRequest) -> HttpResponse:
    users_url = reverse("accounts:user_list", args=[request.partnership.slug])
    return form_page(
        request,
        form_class=InvitationForm,
        form_kwargs={"agencies": agency_choices(request.partnership)},
        title="Invite a user",
        save=lambda data: services.invitation_create(
            actor=request.user, partnership=request.partnership, **data
        ),
        success_url=users_url,
        success_message="Invitation sent",
        back_url=users_url,
    )


@partnership_view(MANAGE_USERS)
def membership_edit(request: PartnershipRequest, uuid: str) -> HttpResponse:
    membership = found_or_404(selectors.membership_get(request.partnership, uuid))
    if request.method == "GET":
        # A user's access record is personal data: reading it is audited.
        record_read(actor=request.user, instance=membership)
    users_url = reverse("accounts:user_list", args=[request.partnership.slug])
    return form_page(
        request,
        form_class=MembershipForm,
        form_kwargs={"agencies": agency_choices(request.partnership)},
        initial={"role": membership.role, "agency": membership.agency, "is_active": membership.is_active},
        title=f"Change {membership.user.full_name}'s access",
        save=lambda data: services.membership_update(actor=request.user, membership=membership, **data),
        success_url=users_url,
        success_message="Access updated",
        back_url=users_url,
    )


@require_POST
@partnership_view(MANAGE_USERS)
def invitation_revoke(request: PartnershipRequest, uuid: str) -> HttpResponse:
    invitation = found_or_404(selectors.invitation_list_open(request.partnership).filter(uuid=uuid).first())
    services.invitation_revoke(actor=request.user, invitation=invitation)
    messages.success(request, f"Invitation to {invitation.email} withdrawn")
    return redirect("accounts:user_list", request.partnership.slug)


@public_view
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = services.invitation_get_open(token)
    if invitation is None:
        return render(
            request,
            "core/error.html",
            {"heading": "This invitation link is not valid", "body": services.INVITATION_INVALID},
            status=404,
        )
    signed_in = request.user if request.user.is_authenticated else None
    if signed_in is not None and signed_in.email.lower() != invitation.email:
        return render(
            request,
            "core/error.html",
            {
                "heading": "This invitation is for someone else",
                "body": "Sign out, then open the invitation link again.",
            },
            status=403,
        )
    # A signed-in invitee just confirms; a new user chooses a password.
    form = AcceptInvitationForm(request.POST or None) if signed_in is None else None
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            user = services.invitation_accept(
                invitation=invitation,
                user=signed_in,
                password=form.cleaned_data["password"] if form else "",
            )
        except ValidationError as error:
            if form is None:
                raise Http404 from error
            form.add_error("password", error.messages)
        else:
            if signed_in is None:
                login(request, user, backend="allauth.account.auth_backends.AuthenticationBackend")
            messages.success(request, f"You have joined {invitation.partnership.name}")
            return redirect("dashboards:home", invitation.partnership.slug)
    return render(
        request,
        "accounts/invitation_accept.html",
        {"invitation": invitation, "form": form},
        status=400 if form is not None and form.errors else 200,
    )


@signed_in_view
def profile(request: SignedInRequest) -> HttpResponse:
    from allauth.mfa.models import Authenticator

    return render(
        request,
        "accounts/profile.html",
        {
            "memberships": request.user.memberships.filter(is_active=True).select_related("partnership"),
            "tokens": selectors.api_tokens_for_user(request.user),
            "has_totp": Authenticator.objects.filter(
                user=request.user, type=Authenticator.Type.TOTP
            ).exists(),
        },
    )


@signed_in_view
def api_token_create(request: SignedInRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token, secret = services.api_token_create(actor=request.user, **form.cleaned_data)
        return render(request, "accounts/api_token_created.html", {"token": token, "secret": secret})
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": "Create an API token", "back_url": reverse("accounts:profile")},
        status=400 if form.errors else 200,
    )


@require_POST
@signed_in_view
def api_token_revoke(request: SignedInRequest, uuid: str) -> HttpResponse:
    token = found_or_404(selectors.api_tokens_for_user(request.user).filter(uuid=uuid).first())
    services.api_token_revoke(actor=request.user, token=token)
    messages.success(request, f"API token {token.name} revoked")
    return redirect("accounts:profile")
