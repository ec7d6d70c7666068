"""Nghị định 45/2012/NĐ-CP (from 05/07/2012): beneficiaries, industries, priorities."""
