"""Flask blueprints: the site for candidates, the JSON API, error pages."""
