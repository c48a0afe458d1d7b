# why: nested entity definitions that expand to gigabytes from a few hundred bytes of XML (billion laughs) must be
# why: refused by the host's parser, not expanded on the host's heap
# expect: error
# error-type: ParseError
import xml.etree.ElementTree as ET
levels = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10)]
ET.fromstring('<?xml version="1.0"?><!DOCTYPE lolz [' + ''.join(levels) + ']><lolz>&lol9;</lolz>')
