package io.cameliotf.iotf;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What one logger logs while a test runs (logback's ListAppender, detached on close). */
final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLog(Logger logger) {
        this.logger = logger;
        appender.start();
        logger.addAppender(appender);
    }

    static CapturedLog of(Class<?> type) {
        return new CapturedLog((Logger) LoggerFactory.getLogger(type));
    }

    /** The formatted messages logged at {@code level}, in order. */
    List<String> messages(Level level) {
        return appender.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** True when a message at {@code level} contains every one of {@code parts}. */
    boolean contains(Level level, String... parts) {
        return messages(level).stream().anyMatch(m -> Arrays.stream(parts).allMatch(m::contains));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
