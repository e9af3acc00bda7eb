"""Moving from WordPress: read a WXR export (parse), turn post HTML into essay blocks
(convert) and create or update pages, topics, people, images and redirects
(importer). The command is `manage.py import_wordpress`; editors have Settings →
Import from WordPress."""
