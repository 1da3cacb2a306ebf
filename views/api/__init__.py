"""The public JSON API and its OpenAPI description."""
