package com.smsverifyo.client;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A whole list, fetched lazily a page at a time as it is iterated: {@code for (Rental r : rentals.list(query))}
 * or {@code rentals.list(query).stream().limit(10)}. Nothing is fetched until the first item is
 * asked for; each iteration starts again from the first page. Items created while iterating may or
 * may not appear; none appears twice.
 *
 * @param <T> the item type
 */
public final class Paged<T> implements Iterable<T> {
    private final Function<String, Page<T>> fetch;

    Paged(Function<String, Page<T>> fetch) {
        this.fetch = fetch;
    }

    /** @return the first page only */
    public Page<T> firstPage() {
        return fetch.apply(null);
    }

    /**
     * @param cursor a {@link Page#nextCursor()} from an earlier page
     * @return the page at that cursor
     */
    public Page<T> page(String cursor) {
        return fetch.apply(cursor);
    }

    /** @return an iterator that fetches the next page when the current one runs out */
    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private Page<T> page;
            private int index;

            @Override
            public boolean hasNext() {
                if (page == null) {
                    page = fetch.apply(null);
                    index = 0;
                }
                while (index >= page.data().size()) {
                    if (!page.hasMore() || page.nextCursor().isEmpty()) {
                        return false;
                    }
                    page = fetch.apply(page.nextCursor().get());
                    index = 0;
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.data().get(index++);
            }
        };
    }

    /** @return the items as a sequential, lazy stream */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
