package io.cameliotf.emulator.store;

/**
 * How far the data file holds the historian's journal: every record of the segments before {@code segment}, and of
 * {@code segment} those before byte {@code offset}. Recorded in the same transaction as the events it covers.
 */
public record JournalMark(long segment, long offset) {

    /** Nothing of a journal is held (a data file that never had one). */
    public static final JournalMark NONE = new JournalMark(0, 0);
}
