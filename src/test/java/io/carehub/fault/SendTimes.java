package io.carehub.fault;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * R8 measurement: every Graph API message send the stand-in received, with the three times that decide where it falls
 * at Meta: its shared send slot and when it left the hub (headers the hubs add with carehub.outbound.rate-trace) and
 * when the stand-in received it (its request journal). Times in microseconds since the epoch; absent headers are -1.
 */
record SendTimes(String hub, long slot, long due, long sent, long arrived) {

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** The hubs' accepted message sends (paths /hub-a/…, /hub-b/…), by arrival. */
    static List<SendTimes> of(WireMockServer graphApi) {
        List<SendTimes> sends = new ArrayList<>();
        for (ServeEvent event : graphApi.getAllServeEvents()) {
            String url = event.getRequest().getUrl();
            if (url.startsWith("/hub-")
                    && url.endsWith("/messages")
                    && event.getResponse().getStatus() == 200) {
                sends.add(new SendTimes(
                        url.substring(1, url.indexOf('/', 1)),
                        header(event, "X-Carehub-Slot"),
                        header(event, "X-Carehub-Due"),
                        header(event, "X-Carehub-Sent"),
                        event.getRequest().getLoggedDate().getTime() * 1000));
            }
        }
        sends.sort(Comparator.comparingLong(SendTimes::arrived));
        return sends;
    }

    /** The sends of the busiest 1-s window by arrival (the first such window). */
    static List<SendTimes> busiest(List<SendTimes> byArrival) {
        int bestFirst = 0;
        int bestCount = 0;
        int first = 0;
        for (int last = 0; last < byArrival.size(); last++) {
            while (byArrival.get(first).arrived() + 1_000_000
                    <= byArrival.get(last).arrived()) {
                first++;
            }
            if (last - first + 1 > bestCount) {
                bestCount = last - first + 1;
                bestFirst = first;
            }
        }
        return byArrival.subList(bestFirst, bestFirst + bestCount);
    }

    /** One report line: the slot's clock time, then how long after the slot the send left and arrived (ms). */
    String line() {
        return String.format(
                "    %s slot %s  due %+7.1f  left %+7.1f  arrived %+7.1f ms",
                hub,
                slot < 0 ? "?" : CLOCK.format(Instant.EPOCH.plusNanos(slot * 1000)),
                ms(due - slot),
                ms(sent - slot),
                ms(arrived - slot));
    }

    /** The spread of slot → left and left → arrived over all sends: median and maximum, ms. */
    static String spread(List<SendTimes> sends) {
        List<Long> left = sends.stream()
                .filter(s -> s.slot >= 0 && s.sent >= 0)
                .map(s -> s.sent - s.slot)
                .sorted()
                .toList();
        List<Long> transit = sends.stream()
                .filter(s -> s.sent >= 0)
                .map(s -> s.arrived - s.sent)
                .sorted()
                .toList();
        return String.format(
                "slot→left median %.1f max %.1f ms, left→arrived median %.1f max %.1f ms (%d sends)",
                median(left), max(left), median(transit), max(transit), sends.size());
    }

    private static double median(List<Long> sorted) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2) / 1000.0;
    }

    private static double max(List<Long> sorted) {
        return sorted.isEmpty() ? Double.NaN : sorted.getLast() / 1000.0;
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private static long header(ServeEvent event, String name) {
        HttpHeader header = event.getRequest().getHeaders().getHeader(name);
        return header.isPresent() ? Long.parseLong(header.firstValue()) : -1;
    }
}
