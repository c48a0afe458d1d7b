# Reading an XML catalog with ElementTree (namespaces, CDATA, iterparse, errors), minidom, SAX and plistlib.
import xml.etree.ElementTree as ET
from xml.dom import minidom
import xml.sax, io, plistlib
doc = '''<?xml version="1.0" encoding="UTF-8"?>
<catalog xmlns:dc="http://purl.org/dc/elements/1.1/">
  <!-- products -->
  <book id="b1" lang="en"><dc:title>Python &amp; XML</dc:title><price currency="EUR">29.90</price></book>
  <book id="b2"><dc:title><![CDATA[<Data> & more]]></dc:title><price currency="USD">15</price></book>
  <?render fast?>
</catalog>'''
root = ET.fromstring(doc)
print(root.tag, root.attrib, len(root))
for book in root.findall('book'):
    title = book.find('{http://purl.org/dc/elements/1.1/}title')
    price = book.find('price')
    print(book.get('id'), book.get('lang', '-'), repr(title.text), float(price.text), price.attrib['currency'])
print(sum(float(p.text) for p in root.iter('price')))
print(ET.tostring(root.find('book'), encoding='unicode'))
tree = ET.ElementTree(ET.fromstring('<a><b x="1">t</b>tail<c/></a>'))
print([(e.tag, e.text, e.tail) for e in tree.iter()])
for event, elem in ET.iterparse(io.BytesIO(doc.encode()), events=('start', 'end', 'start-ns')):
    print(event, elem if event == 'start-ns' else elem.tag)
for bad in ['<a><b></a>', '<a>', '', '<a></a><b/>', '<a x="1" x="2"/>', '<a>&nope;</a>', '<a><b>text</b>']:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print('ParseError', e.code, str(e).split(':')[0])
dom = minidom.parseString('<r><item n="1">one</item><item n="2">two</item></r>')
print([(i.getAttribute('n'), i.firstChild.data) for i in dom.getElementsByTagName('item')])
print(dom.documentElement.toxml())
print(minidom.parseString('<a><b/></a>').toprettyxml(indent='  '))
class H(xml.sax.ContentHandler):
    def startElement(self, name, attrs): print('sax start', name, dict(attrs))
    def characters(self, content): print('sax chars', repr(content)) if content.strip() else None
xml.sax.parseString(b'<x a="1"><y>hi</y></x>', H())
data = plistlib.dumps({'name': 'x', 'n': [1, 2.5, True]})
print(plistlib.loads(data))
el = ET.Element('root'); ET.SubElement(el, 'child', name='c').text = 'v'
print(ET.tostring(el)); ET.indent(el); print(ET.tostring(el, encoding='unicode'))
