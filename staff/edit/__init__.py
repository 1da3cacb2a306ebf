"""The Flask-free core of the staff editing form: round-trip YAML, form fields, problems on the field, field diff."""
