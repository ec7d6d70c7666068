"""The executable specification of the rule engine, organised by legal instrument and article.

Every test names the clause it specifies with ``@pytest.mark.clause("<Citation.key>")``; expected
amounts are worked out by hand from the law, with the arithmetic in a comment.
"""
