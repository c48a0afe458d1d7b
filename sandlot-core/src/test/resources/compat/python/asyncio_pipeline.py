import asyncio
import json
import random

random.seed(7)
RECORDS = [{"id": i, "region": random.choice(["north", "south", "east"]), "amount": random.randint(10, 500)}
           for i in range(40)]


async def fetch_page(page, size=10):
    # stands in for an API call: each page takes a little while
    await asyncio.sleep(0.005 * (4 - page))
    return RECORDS[page * size:(page + 1) * size]


async def enrich(record, limiter):
    async with limiter:
        await asyncio.sleep(0)
        return {**record, "band": "high" if record["amount"] > 250 else "low"}


async def producer(queue, pages):
    for page in pages:
        for record in await fetch_page(page):
            await queue.put(record)
    await queue.put(None)


async def consumer(queue, totals):
    while (record := await queue.get()) is not None:
        totals[record["region"]] = totals.get(record["region"], 0) + record["amount"]
        queue.task_done()
    queue.task_done()


async def main():
    pages = await asyncio.gather(*(fetch_page(p) for p in range(4)))
    print("pages:", [len(p) for p in pages], [p[0]["id"] for p in pages])

    limiter = asyncio.Semaphore(3)
    enriched = await asyncio.gather(*(enrich(r, limiter) for r in RECORDS))
    print("high:", sum(r["band"] == "high" for r in enriched))

    queue = asyncio.Queue(maxsize=5)
    totals = {}
    await asyncio.gather(producer(queue, range(4)), consumer(queue, totals))
    print(json.dumps(dict(sorted(totals.items()))))

    order = []
    async def tick(name, delay):
        await asyncio.sleep(delay)
        order.append(name)
        return name
    for done in asyncio.as_completed([tick("slow", 0.03), tick("fast", 0.01), tick("mid", 0.02)]):
        await done
    print("completed:", order)

    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out")

    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(tick(f"t{i}", 0)) for i in range(3)]
    print([t.result() for t in tasks])

    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(tick("ok", 0))
            group.create_task(fetch_page("bad"))
    except BaseExceptionGroup as group_error:
        print("failed tasks:", [type(e).__name__ for e in group_error.exceptions])

    event = asyncio.Event()
    async def waiter():
        await event.wait()
        return "released"
    task = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    event.set()
    print(await task)

    def blocking_sum(values):
        return sum(values)
    print("to_thread:", await asyncio.to_thread(blocking_sum, [r["amount"] for r in RECORDS]))

    cancelled = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    cancelled.cancel()
    try:
        await cancelled
    except asyncio.CancelledError:
        print("cancelled:", cancelled.cancelled())


asyncio.run(main())
