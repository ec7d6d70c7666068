"""Thông tư liên tịch 26/2014/TTLT-BTC-BCT (08/04/2014 - 10/05/2018): support levels and conditions."""
