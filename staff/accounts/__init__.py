"""Staff accounts: who may log in, for which municipality, in which role."""
