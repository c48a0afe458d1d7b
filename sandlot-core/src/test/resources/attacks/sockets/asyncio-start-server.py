# why: an asyncio server listening on a port, served by the sandbox's event loop
# expect: error, denied
import asyncio

async def main():
    server = await asyncio.start_server(lambda r, w: None, '127.0.0.1', 0)
    print(server.sockets)

asyncio.run(main())
assert False, 'listening'
