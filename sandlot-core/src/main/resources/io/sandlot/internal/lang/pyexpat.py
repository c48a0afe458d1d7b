# The sandbox's pyexpat, which GraalPy 25.0.3 lacks, for xml.parsers.expat and so xml.etree.ElementTree,
# xml.dom.minidom, xml.sax and plistlib. The host's XML parser (the JDK's, PythonXml.java) reads the whole document
# when the parse is final and answers its events; this module keeps expat's interface and calls the handlers the
# program set, in expat's order, and raises expat's errors with expat's codes and messages.
# `_host_parse` is set by the sandbox before this runs.
import re as _re
import sys as _sys
import types as _types

EXPAT_VERSION = 'expat_2.5.0'
version_info = (2, 5, 0)
native_encoding = 'UTF-8'
features = [('sizeof(XML_Char)', 1), ('sizeof(XML_LChar)', 1), ('XML_DTD', 0), ('XML_CONTEXT_BYTES', 1024),
            ('XML_NS', 0)]
XML_PARAM_ENTITY_PARSING_NEVER = 0
XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE = 1
XML_PARAM_ENTITY_PARSING_ALWAYS = 2

_MESSAGES = {
    1: 'out of memory', 2: 'syntax error', 3: 'no element found', 4: 'not well-formed (invalid token)',
    5: 'unclosed token', 6: 'partial character', 7: 'mismatched tag', 8: 'duplicate attribute',
    9: 'junk after document element', 10: 'illegal parameter entity reference', 11: 'undefined entity',
    12: 'recursive entity reference', 13: 'asynchronous entity', 14: 'reference to invalid character number',
    15: 'reference to binary entity', 16: 'reference to external entity in attribute',
    17: 'XML or text declaration not at start of entity', 18: 'unknown encoding',
    19: 'encoding specified in XML declaration is incorrect', 20: 'unclosed CDATA section',
    21: 'error in processing external entity reference', 22: 'document is not standalone',
    23: 'unexpected parser state - please send a bug report',
    24: 'entity declared in parameter entity', 25: 'requested feature requires XML_DTD support in Expat',
    26: 'cannot change setting once parsing has begun', 27: 'unbound prefix', 28: 'must not undeclare prefix',
    29: 'incomplete markup in parameter entity', 30: 'XML declaration not well-formed',
    31: 'text declaration not well-formed', 32: 'illegal character(s) in public id', 33: 'parser suspended',
    34: 'parser not suspended', 35: 'parsing aborted', 36: 'parsing finished', 37: 'cannot suspend in external parameter entity',
    38: 'reserved prefix (xml) must not be undeclared or bound to another namespace name',
    39: 'reserved prefix (xmlns) must not be declared or undeclared',
    40: 'prefix must not be bound to one of the reserved namespace names', 41: 'invalid argument',
    42: 'a successful prior call to function XML_GetBuffer is required',
    43: 'limit on input amplification factor (from DTD and entities) breached',
}
_NAMES = ['NO_MEMORY', 'SYNTAX', 'NO_ELEMENTS', 'INVALID_TOKEN', 'UNCLOSED_TOKEN', 'PARTIAL_CHAR', 'TAG_MISMATCH',
          'DUPLICATE_ATTRIBUTE', 'JUNK_AFTER_DOC_ELEMENT', 'PARAM_ENTITY_REF', 'UNDEFINED_ENTITY',
          'RECURSIVE_ENTITY_REF', 'ASYNC_ENTITY', 'BAD_CHAR_REF', 'BINARY_ENTITY_REF',
          'ATTRIBUTE_EXTERNAL_ENTITY_REF', 'MISPLACED_XML_PI', 'UNKNOWN_ENCODING', 'INCORRECT_ENCODING',
          'UNCLOSED_CDATA_SECTION', 'EXTERNAL_ENTITY_HANDLING', 'NOT_STANDALONE', 'UNEXPECTED_STATE',
          'ENTITY_DECLARED_IN_PE', 'FEATURE_REQUIRES_XML_DTD', 'CANT_CHANGE_FEATURE_ONCE_PARSING',
          'UNBOUND_PREFIX', 'UNDECLARING_PREFIX', 'INCOMPLETE_PE', 'XML_DECL', 'TEXT_DECL', 'PUBLICID',
          'SUSPENDED', 'NOT_SUSPENDED', 'ABORTED', 'FINISHED', 'SUSPEND_PE', 'RESERVED_PREFIX_XML',
          'RESERVED_PREFIX_XMLNS', 'RESERVED_NAMESPACE_URI', 'INVALID_ARGUMENT', 'NO_BUFFER',
          'AMPLIFICATION_LIMIT_BREACH']

errors = _types.ModuleType('pyexpat.errors', 'Constants used to describe error conditions.')
errors.codes = {}
errors.messages = {}
for _code, _name in enumerate(_NAMES, 1):
    setattr(errors, 'XML_ERROR_' + _name, _MESSAGES[_code])
    errors.codes[_MESSAGES[_code]] = _code
    errors.messages[_code] = _MESSAGES[_code]

model = _types.ModuleType('pyexpat.model', 'Constants used to interpret content model information.')
for _value, _name in enumerate(['EMPTY', 'ANY', 'MIXED', 'NAME', 'CHOICE', 'SEQ'], 1):
    setattr(model, 'XML_CTYPE_' + _name, _value)
for _value, _name in enumerate(['NONE', 'OPT', 'REP', 'PLUS']):
    setattr(model, 'XML_CQUANT_' + _name, _value)


class ExpatError(Exception):
    pass


error = ExpatError
ExpatError.__module__ = 'xml.parsers.expat'


def ErrorString(code):
    """Returns string error for given number."""
    return _MESSAGES.get(code)


_HANDLERS = ('StartElementHandler', 'EndElementHandler', 'ProcessingInstructionHandler', 'CharacterDataHandler',
             'UnparsedEntityDeclHandler', 'NotationDeclHandler', 'StartNamespaceDeclHandler',
             'EndNamespaceDeclHandler', 'CommentHandler', 'StartCdataSectionHandler', 'EndCdataSectionHandler',
             'DefaultHandler', 'DefaultHandlerExpand', 'NotStandaloneHandler', 'ExternalEntityRefHandler',
             'StartDoctypeDeclHandler', 'EndDoctypeDeclHandler', 'EntityDeclHandler', 'XmlDeclHandler',
             'ElementDeclHandler', 'AttlistDeclHandler', 'SkippedEntityHandler')
_XML_DECLARATION = _re.compile(
    r'<\?xml\s+version\s*=\s*(["\'])(?P<version>[^"\']*)\1'
    r'(?:\s+encoding\s*=\s*(["\'])(?P<encoding>[^"\']*)\3)?'
    r'(?:\s+standalone\s*=\s*(["\'])(?P<standalone>yes|no)\5)?\s*\?>')


class XMLParserType:
    """XML parser"""

    def __init__(self, encoding=None, namespace_separator=None, intern=None):
        for name in _HANDLERS:
            object.__setattr__(self, name, None)
        self._encoding = encoding
        self._separator = namespace_separator
        self._chunks = []
        self._text = False
        self._finished = False
        self._base = None
        self.intern = {} if intern is None else intern
        self.buffer_text = False
        self.buffer_size = 8192
        self.ordered_attributes = False
        self.specified_attributes = False
        self.namespace_prefixes = False
        self.ErrorCode = 0
        self.ErrorLineNumber = 1
        self.ErrorColumnNumber = 0
        self.ErrorByteIndex = -1
        self.CurrentLineNumber = 1
        self.CurrentColumnNumber = 0
        self.CurrentByteIndex = -1

    def __setattr__(self, name, value):
        if name in ('buffer_text', 'ordered_attributes', 'specified_attributes', 'namespace_prefixes'):
            value = bool(value)
        elif name == 'buffer_size':
            if not isinstance(value, int):
                raise TypeError('buffer_size must be an integer')
            if value <= 0:
                raise ValueError('buffer_size must be greater than zero')
        object.__setattr__(self, name, value)

    @property
    def buffer_used(self):
        return 0

    def Parse(self, data, isfinal=False):
        """Parse XML data. `isfinal' should be true at end of input."""
        if self._finished:
            self._fail(36, 1, 0)
        if isinstance(data, str):
            self._text = True
            data = data.encode('utf-8')
        elif not isinstance(data, (bytes, bytearray)):
            data = bytes(memoryview(data))
        self._chunks.append(bytes(data))
        if not isfinal:
            return 1
        self._finished = True
        document = b''.join(self._chunks)
        self._chunks = []
        if self._text or self._encoding is not None:
            text, is_bytes = document.decode(self._encoding or 'utf-8'), False
        else:
            text, is_bytes = document.decode('latin-1'), True
        self._dispatch(_host_parse(text, is_bytes, self._separator), text)
        return 1

    def ParseFile(self, file):
        """Parse XML data from file-like object."""
        read = getattr(file, 'read', None)
        if read is None:
            raise TypeError('argument must have \'read\' attribute')
        while True:
            chunk = read(2048)
            if not chunk:
                break
            if not isinstance(chunk, (bytes, bytearray, str)):
                raise TypeError(f'read() did not return a bytes object (type={type(chunk).__name__})')
            self.Parse(chunk, False)
        return self.Parse(b'', True)

    def SetBase(self, base):
        self._base = base

    def GetBase(self):
        return self._base

    def GetInputContext(self):
        return None

    def SetParamEntityParsing(self, flag):
        return 1

    def UseForeignDTD(self, flag=True):
        pass

    def GetReparseDeferralEnabled(self):
        return False

    def SetReparseDeferralEnabled(self, enabled):
        pass

    def ExternalEntityParserCreate(self, context, encoding=None):
        raise ValueError('external entities are not read in the sandbox')

    def _fail(self, code, line, column):
        self.ErrorCode, self.ErrorLineNumber, self.ErrorColumnNumber = code, line, column
        problem = ExpatError(f'{_MESSAGES.get(code, "unknown error")}: line {line}, column {column}')
        problem.code, problem.lineno, problem.offset = code, line, column
        raise problem

    def _dispatch(self, events, text):
        declaration = _XML_DECLARATION.match(text.lstrip('\ufeff'))
        if declaration is not None and self.XmlDeclHandler is not None:
            standalone = declaration.group('standalone')
            self.XmlDeclHandler(declaration.group('version'), declaration.group('encoding'),
                                -1 if standalone is None else int(standalone == 'yes'))
        for event in events:
            kind = event[0]
            if kind == 'start':
                handler = self.StartElementHandler
                if handler is not None:
                    pairs = list(event[2])
                    handler(event[1], pairs if self.ordered_attributes
                            else dict(zip(pairs[0::2], pairs[1::2])))
            elif kind == 'end':
                if self.EndElementHandler is not None:
                    self.EndElementHandler(event[1])
            elif kind == 'data':
                if self.CharacterDataHandler is not None:
                    self._characters(event[1])
                elif self.DefaultHandlerExpand is not None:
                    self.DefaultHandlerExpand(event[1])
                elif self.DefaultHandler is not None:
                    self.DefaultHandler(event[1])
            elif kind == 'comment':
                if self.CommentHandler is not None:
                    self.CommentHandler(event[1])
            elif kind == 'pi':
                if self.ProcessingInstructionHandler is not None:
                    self.ProcessingInstructionHandler(event[1], event[2])
            elif kind == 'start-ns':
                if self.StartNamespaceDeclHandler is not None:
                    self.StartNamespaceDeclHandler(event[1], event[2])
            elif kind == 'end-ns':
                if self.EndNamespaceDeclHandler is not None:
                    self.EndNamespaceDeclHandler(event[1])
            elif kind == 'start-cdata':
                if self.StartCdataSectionHandler is not None:
                    self.StartCdataSectionHandler()
            elif kind == 'end-cdata':
                if self.EndCdataSectionHandler is not None:
                    self.EndCdataSectionHandler()
            elif kind == 'doctype':
                if self.StartDoctypeDeclHandler is not None:
                    self.StartDoctypeDeclHandler(event[1], event[2], event[3], False)
            elif kind == 'end-doctype':
                if self.EndDoctypeDeclHandler is not None:
                    self.EndDoctypeDeclHandler()
            elif kind == 'skipped':     # an external entity, never read: as expat does without a handler for it
                if self.SkippedEntityHandler is not None:
                    self.SkippedEntityHandler(event[1], False)
                elif self.DefaultHandlerExpand is not None:
                    self.DefaultHandlerExpand(f'&{event[1]};')
                elif self.DefaultHandler is not None:
                    self.DefaultHandler(f'&{event[1]};')
            elif kind == 'error':
                self._fail(event[1], event[2], event[3])

    def _characters(self, data):
        # expat hands character data over line by line unless buffer_text is set, then at most buffer_size at once
        if self.buffer_text:
            for start in range(0, len(data), self.buffer_size):
                self.CharacterDataHandler(data[start:start + self.buffer_size])
        else:
            for line in data.splitlines(keepends=True):
                if line.endswith('\n') and len(line) > 1:
                    self.CharacterDataHandler(line[:-1])
                    self.CharacterDataHandler('\n')
                else:
                    self.CharacterDataHandler(line)


XMLParserType.__module__ = 'pyexpat'
XMLParserType.__name__ = XMLParserType.__qualname__ = 'xmlparser'


def ParserCreate(encoding=None, namespace_separator=None, intern=None):
    """Return a new XML parser object."""
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(f'ParserCreate() argument \'encoding\' must be str or None, not {type(encoding).__name__}')
    if namespace_separator is not None:
        if not isinstance(namespace_separator, str):
            raise TypeError('ParserCreate() argument \'namespace_separator\' must be str or None, not '
                            + type(namespace_separator).__name__)
        if len(namespace_separator) > 1:
            raise ValueError('namespace_separator must be at most one character, omitted, or None')
    return XMLParserType(encoding, namespace_separator, intern)


_sys.modules.setdefault('pyexpat.errors', errors)
_sys.modules.setdefault('pyexpat.model', model)
