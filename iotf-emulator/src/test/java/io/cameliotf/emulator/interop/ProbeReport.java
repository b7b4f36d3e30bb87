package io.cameliotf.emulator.interop;

import com.ibm.iotf.client.IoTFCReSTException;
import java.util.ArrayList;
import java.util.List;

/**
 * The report a probe (a JVM of its own that drives one of IBM's Java SDKs) prints: one line per check, "ok   name" or
 * "FAIL name: why", then "RESULTS passed failed", which {@link JavaSdkInteropTest} reads.
 */
final class ProbeReport {

    interface Call {
        void run() throws Exception;
    }

    private int passed;
    private final List<String> failed = new ArrayList<>();

    void check(String name, Call call) {
        try {
            call.run();
            passed++;
            System.out.println("ok   " + name);
        } catch (IoTFCReSTException e) {
            failed.add(name);
            System.out.println("FAIL " + name + ": HTTP " + e.getHttpCode() + " " + e.getMessage() + " " + e.getResponse());
        } catch (Throwable e) {
            failed.add(name);
            System.out.println("FAIL " + name + ": " + e);
        }
    }

    static void expect(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    /** Prints the results line and ends the probe's JVM: 0 when every check passed. */
    void exit() {
        System.out.println("RESULTS " + passed + " " + failed.size());
        System.out.flush();
        Runtime.getRuntime().halt(failed.isEmpty() ? 0 : 1); // the SDKs leave non-daemon threads behind
    }
}
