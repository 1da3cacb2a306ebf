"""placeholder until the forms branch lands"""
