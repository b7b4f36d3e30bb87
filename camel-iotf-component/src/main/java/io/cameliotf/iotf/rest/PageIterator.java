package io.cameliotf.iotf.rest;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The items of every page of a list in turn, each page fetched only when the one before is used up (so Camel's
 * splitter can stream a list of any length), and at most {@code max} items.
 */
final class PageIterator<T> implements Iterator<T> {

    /** Fetches the next page: its items, or null when the last page was read. */
    @FunctionalInterface
    interface NextPage<T> {
        List<T> fetch();
    }

    private final NextPage<T> next;
    private final int max;
    private List<T> page;
    private int index;
    private int returned;

    PageIterator(List<T> first, NextPage<T> next, int max) {
        this.page = first;
        this.next = next;
        this.max = max;
    }

    @Override
    public boolean hasNext() {
        if (returned >= max) {
            return false;
        }
        while (page != null && index >= page.size()) {
            page = next.fetch(); // a page may be empty and still have a next one
            index = 0;
        }
        return page != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        returned++;
        return page.get(index++);
    }
}
