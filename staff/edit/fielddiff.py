"""placeholder until the forms branch lands"""


def field_diff(a, b):
    return []
