package org.crmbench.load.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmbench.CrmbenchException;
import org.crmbench.load.scenario.Request;

/**
 * The fast path for plain HTTP/1.1 (no TLS, no HTTP/2, no redirects): event-loop threads, each a
 * selector over its connections, one connection per user. A completion runs on the loop thread
 * and the user's next request is written right there, so a request costs a write, a read or two
 * and its share of one select: what wrk does, in Java. Everything else goes to
 * {@link JettyTransport}.
 */
public final class NioTransport implements HttpTransport {
    /** Methods a client may send again after a connection failure (RFC 9110 9.2.2). */
    private static final java.util.Set<String> IDEMPOTENT =
            java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

    private static final int READ_BUFFER = 32 * 1024;
    private static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final TransportSettings settings;
    private final InetSocketAddress address;
    /** After the target: " HTTP/1.1", Host, User-Agent, Accept and the -H headers, each line ended. */
    private final byte[] commonHead;

    private final long timeoutNanos;
    private final Loop[] loops;
    private final AtomicInteger next = new AtomicInteger();

    public NioTransport(TransportSettings settings, int loopThreads) {
        this.settings = settings;
        this.address = new InetSocketAddress(settings.host().getHost(), settings.port());
        if (address.isUnresolved()) {
            throw new CrmbenchException("Cannot connect to " + settings.host() + " (unknown host "
                    + settings.host().getHost() + ")");
        }
        StringBuilder head = new StringBuilder(" HTTP/1.1\r\nHost: ")
                .append(settings.authority())
                .append("\r\nUser-Agent: crmbench\r\nAccept: */*\r\n");
        for (Map.Entry<String, String> h : settings.headers()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        this.commonHead = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        this.timeoutNanos = settings.timeout().toNanos();
        this.loops = new Loop[Math.max(1, loopThreads)];
        try {
            for (int i = 0; i < loops.length; i++) {
                loops[i] = new Loop(i);
                loops[i].start();
            }
        } catch (IOException e) {
            close();
            throw new CrmbenchException("Cannot open a selector: " + e.getMessage(), e);
        }
    }

    @Override
    public Channel open() {
        for (Loop loop : loops) {
            if (Thread.currentThread() == loop) {
                return new Connection(loop);
            }
        }
        return new Connection(loops[Math.floorMod(next.getAndIncrement(), loops.length)]);
    }

    @Override
    public int threads() {
        return loops.length;
    }

    /**
     * The ticker runs on the loop between selects, and the loop sleeps no longer than until its
     * next turn: the open model's dispatcher on a thread of its own woke a thousand times a second
     * and handed every request over (perf: a fifth of load's CPU samples in that thread, most of
     * them the scheduler's), where wrk2 keeps its rate with a timer in its event loop.
     */
    @Override
    public void repeat(int thread, Ticker ticker) {
        Loop loop = loops[thread];
        loop.execute(() -> loop.tickers.add(ticker));
    }

    @Override
    public void close() {
        for (Loop loop : loops) {
            if (loop != null) {
                loop.shutdown();
            }
        }
    }

    /** One event-loop thread: its selector, the tasks handed to it, and its connections. */
    private final class Loop extends Thread {
        final Selector selector;
        final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
        /** The connections this loop has run a request on and that are not closed: swept for timeouts. */
        final List<Connection> connections = new ArrayList<>();

        final List<Ticker> tickers = new ArrayList<>(1);
        final byte[] readBuffer = new byte[READ_BUFFER];
        /**
         * Direct, as the socket reads into: a heap buffer is read through a temporary direct one
         * that NIO takes from its cache and gives back on every read (JFR, a 10 s run of 100 users:
         * 4 of the loop's 45 samples), and copied all the same.
         */
        final ByteBuffer read = ByteBuffer.allocateDirect(READ_BUFFER);

        volatile boolean running = true;

        Loop(int n) throws IOException {
            super("load-loop-" + n);
            setDaemon(true);
            selector = Selector.open();
        }

        /** Runs {@code task} on this loop: now if called from it, else at its next turn. */
        void execute(Runnable task) {
            if (Thread.currentThread() == this) {
                task.run();
            } else {
                tasks.add(task);
                selector.wakeup();
            }
        }

        /** Runs {@code task} at this loop's next turn (breaks recursion through completions). */
        void later(Runnable task) {
            tasks.add(task);
            if (Thread.currentThread() != this) {
                selector.wakeup();
            }
        }

        @Override
        public void run() {
            long lastSweep = System.nanoTime();
            long selectMillis = 10;
            while (running) {
                try {
                    // each ready key handed over as it is found, not added to the selected-key set and
                    // cleared again (JFR, the same run: HashSet.add in 10 of the 45 samples, the most)
                    selector.select(key -> ((Connection) key.attachment()).ready(key), selectMillis);
                } catch (IOException e) {
                    continue;
                }
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                long now = System.nanoTime();
                selectMillis = tick(now);
                if (now - lastSweep >= SWEEP_NANOS) {
                    lastSweep = now;
                    sweep(now);
                }
            }
            for (SelectionKey key : selector.keys()) {
                ((Connection) key.attachment()).closeSocket();
            }
            try {
                selector.close();
            } catch (IOException e) {
                // closing is best effort
            }
        }

        /**
         * Fails the requests past their deadline. It looks at every open connection rather than
         * keeping a set of the busy ones: adding to and removing from that set cost each request
         * more than this costs a hundred times a second. A failure runs the user's next step, which
         * may open or close a connection: the sweep goes over a copy.
         */
        private void sweep(long now) {
            for (Connection c : connections.toArray(Connection[]::new)) {
                if (c.completion != null && now - c.deadline >= 0) {
                    c.fail("timeout after " + settings.timeout().toMillis() / 1000.0 + " s", true);
                }
            }
        }

        /**
         * Runs the tickers; returns how long the next select may wait (ms, at least 1, at most 10). A
         * ticker waiting for a lane ({@link Ticker#UNTIL_A_LANE_FREES}) is run again after the select
         * that ends a request: the sweep's 10 ms is its only timer.
         */
        private long tick(long now) {
            long wait = SWEEP_NANOS;
            for (int i = 0; i < tickers.size(); i++) {
                long next = tickers.get(i).tick(now);
                if (next < 0) {
                    tickers.remove(i--);
                } else {
                    wait = Math.min(wait, next);
                }
            }
            return Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait + 999_999));
        }

        void shutdown() {
            running = false;
            selector.wakeup();
        }
    }

    /** One user's connection; every field is touched by its loop thread only. */
    private final class Connection implements Channel {
        final Loop loop;
        final ResponseParser parser = new ResponseParser();
        SocketChannel socket;
        SelectionKey key;
        Completion completion;
        Request request;
        long deadline;
        boolean reused;
        boolean swept;
        byte[] out = new byte[512];
        /** The encoded request, direct for the same reason as the loop's read buffer; what is left to write. */
        ByteBuffer pending = ByteBuffer.allocateDirect(512);

        Connection(Loop loop) {
            this.loop = loop;
        }

        @Override
        public void send(Request request, Completion completion) {
            loop.execute(() -> start(request, completion));
        }

        private void start(Request request, Completion completion) {
            this.request = request;
            this.completion = completion;
            this.deadline = System.nanoTime() + timeoutNanos;
            parser.reset(request.method().equals("HEAD"));
            if (!swept) {
                swept = true;
                loop.connections.add(this);
            }
            encode(request);
            if (socket == null) {
                reused = false;
                connect();
            } else {
                reused = true;
                try {
                    write();
                } catch (IOException e) {
                    failOrRetry(reason(e));
                }
            }
        }

        /** The request into {@code out}: request line, the common head, its own headers, the body. */
        private void encode(Request r) {
            String base = settings.basePath();
            int size = r.method().length()
                    + 1
                    + base.length()
                    + r.target().length()
                    + commonHead.length
                    + 64
                    + r.body().length;
            for (Map.Entry<String, String> h : r.headers()) {
                size += h.getKey().length() + h.getValue().length() * 3 + 4;
            }
            if (out.length < size) {
                out = new byte[size * 2];
            }
            int at = ascii(r.method(), 0);
            out[at++] = ' ';
            at = ascii(base, at);
            at = ascii(r.target(), at);
            System.arraycopy(commonHead, 0, out, at, commonHead.length);
            at += commonHead.length;
            for (Map.Entry<String, String> h : r.headers()) {
                at = ascii(h.getKey(), at);
                out[at++] = ':';
                out[at++] = ' ';
                byte[] value = h.getValue().getBytes(StandardCharsets.UTF_8);
                System.arraycopy(value, 0, out, at, value.length);
                at += value.length;
                out[at++] = '\r';
                out[at++] = '\n';
            }
            if (r.body().length > 0 || !r.method().equals("GET") && !r.method().equals("HEAD")) {
                at = ascii("Content-Length: " + r.body().length + "\r\n", at);
            }
            out[at++] = '\r';
            out[at++] = '\n';
            System.arraycopy(r.body(), 0, out, at, r.body().length);
            at += r.body().length;
            if (pending.capacity() < at) {
                pending = ByteBuffer.allocateDirect(out.length);
            }
            pending.clear().put(out, 0, at).flip();
        }

        private int ascii(String s, int at) {
            for (int i = 0; i < s.length(); i++) {
                out[at + i] = (byte) s.charAt(i);
            }
            return at + s.length();
        }

        private void connect() {
            try {
                socket = SocketChannel.open();
                socket.configureBlocking(false);
                socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
                boolean connected = socket.connect(address);
                key = socket.register(loop.selector, connected ? 0 : SelectionKey.OP_CONNECT, this);
                if (connected) {
                    write();
                }
            } catch (UnresolvedAddressException e) {
                fail("unknown host " + settings.host().getHost(), false);
            } catch (IOException e) {
                fail(reason(e), false);
            }
        }

        void ready(SelectionKey k) {
            try {
                if (k.isConnectable()) {
                    socket.finishConnect();
                    write();
                    return;
                }
                if (k.isWritable()) {
                    write();
                }
                if (k.isReadable()) {
                    read();
                }
            } catch (java.nio.channels.CancelledKeyException e) {
                // closed while selected
            } catch (IOException e) {
                failOrRetry(reason(e));
            }
        }

        /**
         * Writes what is pending. A connection stays registered for reading from its first write
         * to its close, also while idle (where a read means the server hung up): changing the
         * interest set costs an epoll_ctl system call each time, and switching it off after each
         * response and on again for the next request cost two per request (strace: 2.3 epoll_ctl
         * per request in the open model, beside one write and one read).
         */
        private void write() throws IOException {
            socket.write(pending);
            key.interestOps(
                    pending.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        }

        private void read() throws IOException {
            ByteBuffer read = loop.read;
            read.clear();
            int n = socket.read(read);
            if (completion == null) { // idle: the server closed the connection, or sent what nobody asked for
                if (n != 0) {
                    closeSocket();
                }
                return;
            }
            if (n < 0) {
                try {
                    parser.endOfInput();
                    complete();
                } catch (ResponseParser.MalformedResponse e) {
                    failOrRetry(e.getMessage());
                }
                return;
            }
            read.flip().get(loop.readBuffer, 0, n);
            try {
                parser.feed(loop.readBuffer, 0, n);
            } catch (ResponseParser.MalformedResponse e) {
                fail(e.getMessage(), true);
                return;
            }
            if (parser.done()) {
                complete();
            }
        }

        private void complete() {
            Completion c = completion;
            completion = null;
            if (parser.closeAfter()) {
                closeSocket();
            }
            if (c != null) {
                c.response(parser.status(), parser.body(), parser.bodyLength());
            }
        }

        /**
         * A kept-alive connection the server had closed meanwhile is reopened once, as browsers do,
         * for a request that may be repeated (RFC 9110 9.2.2): the server may have received it
         * before it hung up, so a POST is never sent twice but counted as failed.
         */
        private void failOrRetry(String reason) {
            if (reused
                    && IDEMPOTENT.contains(request.method())
                    && parser.nothingYet()
                    && System.nanoTime() - deadline < 0) {
                closeSocket();
                reused = false;
                parser.reset(request.method().equals("HEAD"));
                encode(request);
                connect();
                return;
            }
            fail(reason, true);
        }

        /** Ends the request without a response; {@code now} false delivers it at the loop's next turn. */
        void fail(String reason, boolean now) {
            Completion c = completion;
            completion = null;
            closeSocket();
            if (c != null) {
                if (now) {
                    c.failure(reason);
                } else {
                    loop.later(() -> c.failure(reason));
                }
            }
        }

        void closeSocket() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing is best effort
                }
                socket = null;
                key = null;
            }
        }

        /** The user is done with it: closed, and no longer swept unless a request is still out on it. */
        @Override
        public void close() {
            loop.execute(() -> {
                closeSocket();
                if (swept && completion == null) {
                    swept = false;
                    loop.connections.remove(this);
                }
            });
        }
    }

    private static String reason(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return "connection: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
