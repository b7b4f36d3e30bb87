package io.cameliotf.emulator.api.v2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cameliotf.emulator.api.ApiAuthenticator;
import io.cameliotf.emulator.api.ApiCaller;
import io.cameliotf.emulator.api.ApiException;
import io.cameliotf.emulator.api.Json;
import io.cameliotf.emulator.api.Requests;
import io.cameliotf.emulator.api.RestResponses;
import io.cameliotf.emulator.usage.UsageMeter;
import io.cameliotf.emulator.usage.UsageReport;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.DateTimeException;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Usage in API v0002 (later contract 2.16), a face over {@link UsageMeter}: {@code start} and {@code end} are
 * {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD} (a year or month covers all its days); {@code detail} adds each
 * day. Answers {@code {start, end, average, total, days?: [{date, total}]}}: bytes of MQTT traffic, devices that
 * connected, events the historian stored.
 */
public final class UsageApi {

    /** The longest period one request may cover. */
    static final int MAX_DAYS = 400;

    private final ApiAuthenticator auth;
    private final UsageMeter usage;

    public UsageApi(ApiAuthenticator auth, UsageMeter usage) {
        this.auth = auth;
        this.usage = usage;
    }

    /** GET /usage/data-traffic */
    public void dataTraffic(Exchange exchange) {
        answer(exchange, (p) -> usage.dataTraffic(p.org(), p.start(), p.end()));
    }

    /** GET /usage/active-devices */
    public void activeDevices(Exchange exchange) {
        answer(exchange, (p) -> usage.activeDevices(p.org(), p.start(), p.end()));
    }

    /** GET /usage/historical-data */
    public void historicalData(Exchange exchange) {
        answer(exchange, (p) -> usage.historicalData(p.org(), p.start(), p.end()));
    }

    private record Period(String org, LocalDate start, LocalDate end) {
    }

    private void answer(Exchange exchange, Function<Period, UsageReport> report) {
        Message in = exchange.getIn();
        ApiCaller caller = auth.authenticate(in);
        String startText = required(in, "start");
        String endText = required(in, "end");
        LocalDate start = date(startText, "start", false);
        LocalDate end = date(endText, "end", true);
        if (end.isBefore(start)) {
            throw ApiException.badRequest("end (" + endText + ") is before start (" + startText + ")");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw ApiException.badRequest("A usage report covers at most " + MAX_DAYS + " days");
        }
        String detail = Requests.param(in, "detail");
        boolean days = "true".equalsIgnoreCase(detail) || "1".equals(detail);
        UsageReport r = report.apply(new Period(caller.org(), start, end));
        ObjectNode json = Json.object();
        json.put("start", startText);
        json.put("end", endText);
        json.put("average", r.average());
        json.put("total", r.total());
        if (days) {
            ArrayNode list = json.putArray("days");
            r.days().forEach(d -> list.addObject().put("date", d.date().toString()).put("total", d.total()));
        }
        RestResponses.ok(exchange, json);
    }

    private static String required(Message in, String name) {
        String value = Requests.param(in, name);
        if (value == null) {
            throw ApiException.badRequest(name + " is required: YYYY, YYYY-MM or YYYY-MM-DD");
        }
        return value;
    }

    /** The first day of the period {@code text} names, or its last when {@code last}. */
    private static LocalDate date(String text, String name, boolean last) {
        try {
            if (text.matches("\\d{4}")) {
                int year = Integer.parseInt(text);
                return last ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
            }
            if (text.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(text);
                return last ? month.atEndOfMonth() : month.atDay(1);
            }
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw ApiException.badRequest(name + " '" + text + "' is not a date: YYYY, YYYY-MM or YYYY-MM-DD");
        }
    }
}
