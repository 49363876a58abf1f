"""A stand-in for the `cpe` package, which Debian does not package and stix2-validator imports.

It checks only what the validator asks of it: that a string is a CPE 2.3 formatted string, by the
regular expression of the CPE 2.3 naming specification (NISTIR 7695, section 6.2).
"""
import re

_AVSTRING = r"""(((\?*|\*?)([a-zA-Z0-9\-\._]|(\\[\\\*\?!"#$%&'\(\)\+,/:;<=>@\[\]\^`\{\|}~]))+(\?*|\*?))|[\*\-])"""
_FORMATTED = re.compile(
    r"cpe:2\.3:[aho\*\-](:" + _AVSTRING + r"){5}"
    r"(:(([a-zA-Z]{2,3}(-([a-zA-Z]{2}|[0-9]{3}))?)|[\*\-]))"
    r"(:" + _AVSTRING + r"){4}")


class CPE(object):
    VERSION_2_3 = "2.3"

    def __init__(self, cpe_str, version=None):
        if not _FORMATTED.fullmatch(cpe_str):
            raise ValueError("not a CPE 2.3 formatted string: %r" % cpe_str)
        self.cpe_str = cpe_str
