package org.classreflect.core.inmemory;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The one lock the stores of an {@link InMemoryStores} share: reads run together, a write runs alone, so a call that
 * reads several stores (a search reads transcripts) sees them as one consistent state. Port methods take it; the
 * package-private helpers that stores call on each other expect their caller to hold it.
 */
final class StoreLock {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(Supplier<T> statement) {
        lock.writeLock().lock();
        try {
            return statement.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    void write(Runnable statement) {
        write(() -> {
            statement.run();
            return null;
        });
    }
}
