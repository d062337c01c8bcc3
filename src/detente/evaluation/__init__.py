"""Evaluations: the coder against PETRARCH's unit-test records and against our own gold."""
