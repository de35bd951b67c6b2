"""The pages: Jinja2 templates and static assets (Arabic, right to left, nothing from a CDN)."""
