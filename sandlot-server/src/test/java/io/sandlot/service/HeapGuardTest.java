package io.sandlot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HeapGuardTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final AtomicInteger collections = new AtomicInteger();
    /** The heap after the last collection: 95% until a collection runs, then what the next one leaves. */
    private double afterGc = 0.95;
    private double afterNextCollection = 0.95;

    private HeapGuard guard() {
        return new HeapGuard(0.9, ServiceObserver.NONE, () -> afterGc, () -> {
            collections.incrementAndGet();
            afterGc = afterNextCollection;
        }, now::get);
    }

    @Test
    void staleFullReading_isConfirmedByACollection_andWhatWasFreedIsAdmitted() {
        HeapGuard guard = guard();
        afterNextCollection = 0.2;   // what filled the heap is garbage by now

        guard.check();

        assertThat(collections).hasValue(1);
    }

    @Test
    void heapReallyFull_isRefused_andCollectionsAreRateLimited() {
        HeapGuard guard = guard();

        assertThatThrownBy(guard::check).isInstanceOf(ServiceException.class).hasMessageContaining("95%");
        assertThatThrownBy(guard::check).isInstanceOf(ServiceException.class);
        assertThat(collections).hasValue(1);

        now.addAndGet(HeapGuard.MIN_COLLECTION_NANOS);
        afterNextCollection = 0.5;
        guard.check();
        assertThat(collections).hasValue(2);
    }

    @Test
    void readingUnderTheLimit_collectsNothing() {
        afterGc = 0.3;

        guard().check();

        assertThat(collections).hasValue(0);
    }
}
