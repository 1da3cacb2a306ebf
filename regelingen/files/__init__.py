"""The scheme files: reading YAML with line numbers, the schema, validation, messages and building the model."""
