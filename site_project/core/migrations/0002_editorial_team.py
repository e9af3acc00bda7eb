"""A team out of the box (issue 9): Wagtail's Editors and Moderators groups get the
permissions a small editorial team needs.

Editors write and edit every page type (but cannot publish: their changes go through
the "Moderators approval" workflow), upload and edit images and documents, and add and
edit topics, engagement levels, purposes, method families, people and frameworks.
Moderators can do all that, plus publish, lock and unlock pages, delete taxonomy terms,
people and frameworks, and manage search promotions, redirects and site settings.

The groups are created if absent and brought to exactly this: their model permissions,
their page permissions on the root of the page tree and their image and document
permissions on the root collection are replaced (permissions a site admin has given
them on other pages or collections are left alone). Wagtail's older model-level image
and document permissions on these groups are dropped: Wagtail checks images and
documents per collection only, so they granted nothing. Running it twice changes
nothing. Reversing leaves the groups as they are (see `noop`).

Permission rows are normally created by Django after `migrate` has finished (the
post_migrate signal), too late for a fresh database, so they are created here first."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

# Add and edit: what every member of the team does.
TEAM_MODEL_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "taxonomy.add_topic",
    "taxonomy.change_topic",
    "taxonomy.add_engagementlevel",
    "taxonomy.change_engagementlevel",
    "taxonomy.add_purpose",
    "taxonomy.change_purpose",
    "taxonomy.add_methodfamily",
    "taxonomy.change_methodfamily",
    "core.add_person",
    "core.change_person",
    "engagement.add_framework",
    "engagement.change_framework",
]
# Moderators also remove things (unmoderated, and live at once) and look after the
# site as a whole.
MODERATOR_MODEL_PERMISSIONS = TEAM_MODEL_PERMISSIONS + [
    "taxonomy.delete_topic",
    "taxonomy.delete_engagementlevel",
    "taxonomy.delete_purpose",
    "taxonomy.delete_methodfamily",
    "core.delete_person",
    "engagement.delete_framework",
    "core.change_sitesettings",
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
    "wagtailsearchpromotions.delete_searchpromotion",
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
    "wagtailredirects.delete_redirect",
]

# On the root of the page tree, so they cover every page.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]

# On the root collection. For images and documents Wagtail treats "delete" as "change".
COLLECTION_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]

GROUPS = {
    "Editors": (TEAM_MODEL_PERMISSIONS, EDITOR_PAGE_PERMISSIONS, COLLECTION_PERMISSIONS),
    "Moderators": (MODERATOR_MODEL_PERMISSIONS, MODERATOR_PAGE_PERMISSIONS, COLLECTION_PERMISSIONS),
}

APPROVAL_TASK = "Moderators approval"


def ensure_permission_rows(apps):
    labels = ["wagtailcore", "wagtailimages", "wagtaildocs", "wagtailsearchpromotions"]
    labels += ["wagtailredirects", "taxonomy", "core", "engagement"]
    for label in labels:
        create_permissions(global_apps.get_app_config(label), verbosity=0, apps=apps)


def permissions(apps, names):
    """Permission rows for 'app_label.codename' names; a name with no row is an error."""
    Permission = apps.get_model("auth", "Permission")
    found = {}
    for name in names:
        app_label, codename = name.split(".")
        found[name] = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
    missing = [name for name, permission in found.items() if permission is None]
    if missing:
        raise RuntimeError(f"Permissions not found: {', '.join(missing)}")
    return list(found.values())


def set_team_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    ensure_permission_rows(apps)
    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    for name, (model_perms, page_perms, collection_perms) in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions(apps, model_perms))

        wanted = permissions(apps, [f"wagtailcore.{codename}" for codename in page_perms])
        GroupPagePermission.objects.filter(group=group, page=root_page).exclude(
            permission__in=wanted
        ).delete()
        for permission in wanted:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission
            )

        wanted = permissions(apps, collection_perms)
        GroupCollectionPermission.objects.filter(
            group=group, collection=root_collection
        ).exclude(permission__in=wanted).delete()
        for permission in wanted:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )

    ensure_moderation_workflow(apps, Group.objects.get(name="Moderators"), root_page)


def ensure_moderation_workflow(apps, moderators, root_page):
    """Wagtail's own migrations give the page tree a "Moderators approval" workflow
    whose one task the Moderators approve. Make sure it is there: an editor's "Submit
    for moderation" needs a workflow on the page, and a moderator to act on it. A
    workflow someone has chosen for the whole tree is kept."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK).order_by("pk").first()
    if task is None:
        task_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=APPROVAL_TASK, content_type=task_type, active=True
        )
    task.groups.add(moderators)

    if WorkflowPage.objects.filter(page=root_page).exists():
        return
    workflow = (
        Workflow.objects.filter(active=True, workflow_tasks__task=task).order_by("pk").first()
    )
    if workflow is None:
        workflow = Workflow.objects.create(name=APPROVAL_TASK, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(page=root_page, workflow=workflow)


def noop(apps, schema_editor):
    """Nothing to undo: the groups and the workflow are Wagtail's own, and people may
    have been put in them; taking their permissions away would lock editors out."""


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0001_initial"),
        ("taxonomy", "0002_level_rank_help"),
        ("engagement", "0002_method_chooser_block"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(set_team_permissions, noop)]
