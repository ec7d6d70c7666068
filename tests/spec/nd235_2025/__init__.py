"""Nghị định 235/2025/NĐ-CP (from 15/10/2025, known from secondary sources): the 2025 rules."""
