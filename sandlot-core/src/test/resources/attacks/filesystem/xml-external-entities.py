# why: pyexpat is the host's XML parser (the JDK's): external entities, external DTDs and parameter entities that
# why: name host files or URLs must read nothing, whichever XML API the guest parses with
# expect: ok
# value: [false, false, false, false, false]
import xml.etree.ElementTree as ET
import xml.dom.minidom
import xml.sax

documents = [
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>',
    '<?xml version="1.0"?><!DOCTYPE r SYSTEM "file:///etc/passwd"><r>text</r>',
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><r/>',
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "http://169.254.169.254/latest/meta-data/">]><r>&x;</r>',
]


def text_of(document):
    try:
        return ET.tostring(ET.fromstring(document), encoding='unicode')
    except ET.ParseError as error:
        return str(error)


def minidom_text(document):
    try:
        return xml.dom.minidom.parseString(document).toxml()
    except Exception as error:
        return str(error)


leaks = [('root:' in text_of(d)) or ('ami-' in text_of(d)) for d in documents]
leaks.append(any('root:' in minidom_text(d) for d in documents))
leaks
