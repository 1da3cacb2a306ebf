"""The candidate pages: home, search results, municipality, scheme, category, about."""
