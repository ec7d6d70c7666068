"""Thông tư 46/2012/TT-BCT (from 10/02/2013): details of beneficiaries, activities, industries, ranking."""
