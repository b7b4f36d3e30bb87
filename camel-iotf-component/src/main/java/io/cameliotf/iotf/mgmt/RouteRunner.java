package io.cameliotf.iotf.mgmt;

import org.apache.camel.Exchange;

/** Runs the consumer's route for one management request: the exchange it ends with (its exception, if any, set). */
@FunctionalInterface
interface RouteRunner {
    Exchange run(String action, Object body);
}
