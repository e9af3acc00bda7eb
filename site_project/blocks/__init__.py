"""The shared StreamField block library. Page models import the stream blocks from
`site_project.blocks.streams`; block templates live in `templates/blocks/` beside it."""
