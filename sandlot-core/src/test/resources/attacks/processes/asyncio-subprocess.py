# why: asyncio's subprocess support (a child watcher and pipes) under the sandbox's event loop
# expect: error, denied
import asyncio

async def main():
    process = await asyncio.create_subprocess_exec('/bin/sh', '-c', 'touch ' + hostDir + '/' + marker)
    await process.wait()

asyncio.run(main())
assert False, 'spawned'
