package io.carehub.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Signed webhook POSTs over kept-alive HTTP/1.1 connections, driven by one thread with non-blocking
 * sockets and requests encoded before the clock starts, so the generator costs a few percent of a core
 * (like wrk) instead of a thread per request. Open loop: requests are due on a fixed schedule; a due
 * request waits for a free connection, and its latency counts from when it was due (coordinated
 * omission corrected). Closed loop: a fixed number of connections, each sending its next request when
 * the previous one was answered.
 */
final class LoadGenerator {

    /** Latencies in microseconds; {@code start}/{@code end}: System.nanoTime of the first send and the last answer. */
    record Result(int sent, int failed, long start, long end, Histogram latencyMicros) {
        double seconds() {
            return (end - start) / 1e9;
        }

        double perSecond() {
            return (sent - failed) / seconds();
        }

        double percentileMs(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /** Most requests in flight in the open loop; more wait for a free connection (and are charged for it). */
    private static final int OPEN_LOOP_CONNECTIONS = 256;

    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(180);

    Result closedLoop(URI uri, List<WhatsAppUpdates.Update> updates, int concurrency) throws IOException {
        return new Run(uri, updates, concurrency, 0).execute();
    }

    Result openLoop(URI uri, List<WhatsAppUpdates.Update> updates, double perSecond) throws IOException {
        return new Run(uri, updates, OPEN_LOOP_CONNECTIONS, perSecond).execute();
    }

    /** The request exactly as it goes over the wire. */
    static byte[] encode(URI uri, WhatsAppUpdates.Update update) {
        String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\nX-Hub-Signature-256: " + update.signature()
                + "\r\nContent-Length: " + update.body().length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + update.body().length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(update.body(), 0, request, headBytes.length, update.body().length);
        return request;
    }

    private static final class Run {
        private final InetSocketAddress address;
        private final byte[][] requests;
        private final int connections;
        private final long interval;
        private final Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(180), 3);
        private final ArrayDeque<Connection> idle = new ArrayDeque<>();
        private final ArrayDeque<Integer> due = new ArrayDeque<>();
        private Selector selector;
        private long start;
        private long end;
        private int next;
        private int answered;
        private int failed;

        Run(URI uri, List<WhatsAppUpdates.Update> updates, int connections, double perSecond) {
            this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
            this.requests = new byte[updates.size()][];
            for (int i = 0; i < requests.length; i++) {
                requests[i] = encode(uri, updates.get(i));
            }
            this.connections = Math.min(connections, Math.max(1, updates.size()));
            this.interval = perSecond > 0 ? (long) (1e9 / perSecond) : 0;
        }

        Result execute() throws IOException {
            selector = Selector.open();
            try {
                for (int c = 0; c < connections; c++) {
                    idle.add(connect());
                }
                start = System.nanoTime() + (interval > 0 ? 5_000_000 : 0);
                while (answered < requests.length) {
                    long now = System.nanoTime();
                    if (now - start > GIVE_UP_NANOS) {
                        throw new IllegalStateException(
                                (requests.length - answered) + " requests unanswered after 180 s");
                    }
                    dispatch(now);
                    long wait = interval > 0 && next < requests.length ? dueAt(next) - System.nanoTime() : 100_000_000;
                    if (wait > 0) {
                        // blocks until an answer arrives or the next request is due, rounded up to whole
                        // milliseconds (the selector's unit): a request may go out up to ~1 ms late, and that is
                        // charged to the hub, since latency counts from when it was due. Spinning on selectNow()
                        // instead kept one of the machine's two cores busy for the whole open-loop phase.
                        selector.select((wait + 999_999) / 1_000_000);
                    } else {
                        selector.selectNow();
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        Connection connection = (Connection) key.attachment();
                        if (key.isValid() && key.isWritable()) {
                            connection.write();
                        }
                        if (key.isValid() && key.isReadable()) {
                            connection.read();
                        }
                    }
                    selector.selectedKeys().clear();
                }
                return new Result(requests.length, failed, start, end, latency);
            } finally {
                for (SelectionKey key : selector.keys()) {
                    key.channel().close();
                }
                selector.close();
            }
        }

        private long dueAt(int request) {
            return start + request * interval;
        }

        /** Hands due requests (open loop) or the next requests (closed loop) to idle connections. */
        private void dispatch(long now) throws IOException {
            if (interval > 0) {
                while (next < requests.length && dueAt(next) <= now) {
                    due.add(next++);
                }
                while (!due.isEmpty() && !idle.isEmpty()) {
                    idle.poll().send(due.poll());
                }
            } else {
                while (next < requests.length && !idle.isEmpty()) {
                    idle.poll().send(next++);
                }
            }
        }

        private Connection connect() throws IOException {
            SocketChannel channel = SocketChannel.open(address);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            Connection connection = new Connection(channel);
            connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
            return connection;
        }

        private void answered(Connection connection, boolean ok) throws IOException {
            long now = System.nanoTime();
            long from = interval > 0 ? dueAt(connection.request) : connection.sentAt;
            latency.recordValue(Math.max(1, Math.min(latency.getHighestTrackableValue(), (now - from) / 1000)));
            end = Math.max(end, now);
            answered++;
            if (!ok) {
                failed++;
            }
            connection.request = -1;
            if (interval == 0 && next < requests.length) {
                connection.send(next++);
            } else {
                idle.add(connection);
            }
        }

        /** One kept-alive connection with at most one request in flight. */
        private final class Connection {
            private SocketChannel channel;
            private SelectionKey key;
            private ByteBuffer out;
            private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            private int request = -1;
            private long sentAt;

            Connection(SocketChannel channel) {
                this.channel = channel;
            }

            void send(int index) throws IOException {
                request = index;
                sentAt = System.nanoTime();
                out = ByteBuffer.wrap(requests[index]);
                write();
            }

            void write() throws IOException {
                channel.write(out);
                key.interestOps(
                        out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            }

            void read() throws IOException {
                int read;
                try {
                    read = channel.read(in);
                } catch (IOException reset) {
                    read = -1;
                }
                if (read < 0) {
                    reconnect();
                    return;
                }
                int status = Responses.complete(in);
                if (status > 0) {
                    // the server ends kept-alive connections after so many requests (Tomcat: 100): go on with a new one
                    boolean closing = Responses.closes(in);
                    in.clear();
                    if (closing) {
                        replaceChannel();
                    }
                    answered(this, status == 200);
                }
            }

            private void replaceChannel() throws IOException {
                key.cancel();
                channel.close();
                in.clear();
                Connection fresh = connect();
                this.channel = fresh.channel;
                this.key = fresh.key;
                key.attach(this);
            }

            /** The hub closed the connection unannounced: an unanswered request failed; go on with a new connection. */
            private void reconnect() throws IOException {
                int lost = request;
                replaceChannel();
                if (lost >= 0) {
                    request = lost;
                    answered(this, false);
                } else {
                    idle.remove(this);
                    idle.add(this);
                }
            }
        }
    }

    /** Just enough of HTTP/1.1 responses: status line, Content-Length or chunked body. */
    static final class Responses {
        private Responses() {}

        /** The status code once {@code buffer} (in write mode) holds one whole response, else 0. */
        static int complete(ByteBuffer buffer) {
            byte[] bytes = buffer.array();
            int length = buffer.position();
            int headerEnd = indexOf(bytes, 0, length, "\r\n\r\n");
            if (headerEnd < 0) {
                return 0;
            }
            String head = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(head.substring(9, 12));
            int bodyStart = headerEnd + 4;
            String lower = head.toLowerCase(java.util.Locale.ROOT);
            int contentLength = lower.indexOf("\r\ncontent-length:");
            if (contentLength >= 0) {
                int valueEnd = lower.indexOf("\r\n", contentLength + 2);
                int bodyLength =
                        Integer.parseInt(lower.substring(contentLength + 17, valueEnd < 0 ? lower.length() : valueEnd)
                                .trim());
                return length >= bodyStart + bodyLength ? status : 0;
            }
            if (lower.contains("\r\ntransfer-encoding: chunked")) {
                return chunkedComplete(bytes, bodyStart, length) ? status : 0;
            }
            return status == 204 || status == 304 ? status : (length > bodyStart ? status : 0);
        }

        /** Whether the complete response in {@code buffer} announced that the server closes the connection. */
        static boolean closes(ByteBuffer buffer) {
            int headerEnd = indexOf(buffer.array(), 0, buffer.position(), "\r\n\r\n");
            return new String(buffer.array(), 0, headerEnd, StandardCharsets.ISO_8859_1)
                    .toLowerCase(java.util.Locale.ROOT)
                    .contains("\r\nconnection: close");
        }

        private static boolean chunkedComplete(byte[] bytes, int from, int length) {
            int at = from;
            while (true) {
                int lineEnd = indexOf(bytes, at, length, "\r\n");
                if (lineEnd < 0) {
                    return false;
                }
                String sizeLine = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
                int semicolon = sizeLine.indexOf(';');
                int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
                if (size == 0) {
                    return indexOf(bytes, lineEnd, length, "\r\n\r\n") == lineEnd;
                }
                at = lineEnd + 2 + size + 2;
                if (at > length) {
                    return false;
                }
            }
        }

        private static int indexOf(byte[] bytes, int from, int length, String needle) {
            byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
            outer:
            for (int i = from; i <= length - n.length; i++) {
                for (int j = 0; j < n.length; j++) {
                    if (bytes[i + j] != n[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
