# why: asyncio's event loop runs in the sandbox (without a self-pipe); its own network calls, name lookup through
# why: the default executor (which runs tasks inline) then a TCP connection to the runner, must stay shut
# expect: error, denied
import asyncio

async def main():
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'pwned')
    await writer.drain()

asyncio.run(main())
assert False, 'connected'
