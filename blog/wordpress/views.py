"""Settings → Import from WordPress: upload an export, read the dry-run report,
confirm to import. Superusers only. The upload waits in a private temporary file,
named in the session, until it is imported or replaced; it is deleted then."""

import contextlib
import os
import secrets
import tempfile
import time
from pathlib import Path

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from . import importer, parse

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
SESSION_KEY = "wordpress_import"
STALE_SECONDS = 24 * 60 * 60
TEMPLATE = "blog/admin/wordpress_import.html"


def can_import(user):
    return user.is_active and user.is_superuser


class UploadForm(forms.Form):
    export = forms.FileField(
        label="WordPress export (.xml)",
        help_text="From WordPress: Tools → Export → All content. 50 MB at most.",
    )
    pages = forms.BooleanField(required=False, label="Also import pages as standard pages")

    def clean_export(self):
        upload = self.cleaned_data["export"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is larger than 50 MB.")
        return upload


def _sweep():
    """Uploads never confirmed or cancelled go after a day."""
    cutoff = time.time() - STALE_SECONDS
    for path in Path(tempfile.gettempdir()).glob("wordpress-import-*.xml"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < cutoff:
                path.unlink()


def _forget(request):
    pending = request.session.pop(SESSION_KEY, None)
    if pending:
        with contextlib.suppress(OSError):
            os.unlink(pending["path"])


@require_http_methods(["GET", "POST"])
def import_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    context = {"form": UploadForm(), "max_mb": MAX_UPLOAD_BYTES // (1024 * 1024)}
    if request.method == "POST" and "confirm" in request.POST:
        pending = request.session.get(SESSION_KEY)
        if not pending or not secrets.compare_digest(
            pending["token"], request.POST.get("token", "")
        ):
            context["error"] = "That upload has expired or was replaced: upload it again."
            return TemplateResponse(request, TEMPLATE, context)
        try:
            export = parse.read(pending["path"])
            report = importer.run(export, pages=pending["pages"], user=request.user)
        except parse.WXRError as error:
            context["error"] = str(error)
            return TemplateResponse(request, TEMPLATE, context)
        finally:
            _forget(request)
        context["report"] = report
        context["done"] = True
        return TemplateResponse(request, TEMPLATE, context)
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        context["form"] = form
        if not form.is_valid():
            return TemplateResponse(request, TEMPLATE, context)
        _forget(request)
        _sweep()
        data = form.cleaned_data["export"].read()
        try:
            report = importer.run(parse.read(data), pages=form.cleaned_data["pages"], dry_run=True)
        except parse.WXRError as error:
            context["error"] = str(error)
            return TemplateResponse(request, TEMPLATE, context)
        handle, path = tempfile.mkstemp(prefix="wordpress-import-", suffix=".xml")
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        token = secrets.token_urlsafe(16)
        request.session[SESSION_KEY] = {
            "path": path,
            "token": token,
            "pages": form.cleaned_data["pages"],
        }
        context.update(report=report, token=token)
        return TemplateResponse(request, TEMPLATE, context)
    if request.GET.get("cancel"):
        _forget(request)
        return redirect(request.path)
    return TemplateResponse(request, TEMPLATE, context)
