"""Executable specification of Thông tư 26/2014/TT-BCT (selection of typical rural industrial
products), one module per article.  Expected values are worked out by hand from the Circular."""
