# why: __graalpython__.read_file reads through the language's file layer; it must see only the guest's tree
# expect: error, denied
import __graalpython__
__graalpython__.read_file(sentinel)
