"""Thông tư 28/2018/TT-BTC (from 11/05/2018, known from secondary sources): the levels known here."""
