"""E-mail the Moderators the method guides and principles due for review (for cron).

    python manage.py email_review_reminders            # sends, if anything is due
    python manage.py email_review_reminders --dry-run  # prints the message instead

Nothing is sent when nothing is due, or when no active moderator has an e-mail address.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse

from engagement.review import review_items

GROUP = "Moderators"


def reminder_text(items, report_url):
    count = len(items)
    lines = [
        f"{count} method guide{'s and principles are' if count != 1 else ' or principle is'} "
        "due for review:",
        "",
    ]
    for item in items:
        reviewed = item.last_reviewed.strftime("%-d %B %Y") if item.last_reviewed else "never"
        by = f" by {item.reviewed_by}" if item.reviewed_by else ""
        lines.append(f"- {item.title} ({item.page_type.lower()}): {item.status_label.lower()}")
        lines.append(f"  last reviewed {reviewed}{by}")
    lines += ["", f"The full list, with a “Mark as reviewed” button for each: {report_url}"]
    return "\n".join(lines)


class Command(BaseCommand):
    help = "E-mail the Moderators group the method guides and principles due for review."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the message instead of sending it."
        )

    def handle(self, *args, dry_run=False, **options):
        items = review_items(include_due_soon=False)
        if not items:
            if dry_run:
                self.stdout.write("Nothing is due for review; no e-mail would be sent.")
            return
        recipients = sorted(
            get_user_model()
            .objects.filter(groups__name=GROUP, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
            .distinct()
        )
        base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
        subject = f"{len(items)} guide{'s' if len(items) != 1 else ''} due for review"
        body = reminder_text(items, base_url + reverse("engagement_review_due"))
        if dry_run:
            self.stdout.write(f"To: {', '.join(recipients) or '(no moderators with e-mail)'}")
            self.stdout.write(f"Subject: {subject}\n\n{body}")
            return
        if recipients:
            send_mail(subject, body, None, recipients)
