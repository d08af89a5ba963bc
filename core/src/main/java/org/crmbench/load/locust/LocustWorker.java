package org.crmbench.load.locust;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.crmbench.CrmbenchException;
import org.crmbench.load.LoadConnectException;
import org.crmbench.load.LoadRun;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * crmbench load as a worker of a Locust master ({@code locust/runners.py}, WorkerRunner): a
 * ZeroMQ DEALER to the master's ROUTER, {@code client_ready} until the master acks, a heartbeat
 * every second, the statistics since the last report every three seconds, and the master's
 * {@code spawn}, {@code stop} and {@code quit} obeyed. The master decides how many users run;
 * crmbench's scenario decides what they send. One thread owns the socket (ZeroMQ sockets are
 * not thread-safe); others hand it messages through a queue.
 */
public final class LocustWorker {
    public static final int DEFAULT_PORT = 5557;
    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    static final Duration REPORT = Duration.ofSeconds(3);
    /** Locust's workers retry client_ready for 60 × 5 s; crmbench waits a minute for a first ack. */
    static final Duration FIRST_ACK = Duration.ofSeconds(60);

    private static final String READY = "ready";
    private static final String SPAWNING = "spawning";
    private static final String RUNNING = "running";
    private static final long POLL_MS = 20;

    /**
     * @param masterTimeout once connected, a master unreachable for this long ends the worker
     * @param nodeId how the master names this worker (hostname_hex, as Locust's)
     */
    public record Settings(String masterHost, int masterPort, Duration masterTimeout, String nodeId) {
        public static String newNodeId() {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "crmbench";
            }
            return host + "_" + UUID.randomUUID().toString().replace("-", "");
        }
    }

    /** Starts load tests when the master says so. */
    public interface Tests {
        /**
         * A test against {@code host} (the master's --host; null when it has none), whose users
         * follow {@code users}, every request told to {@code observer}.
         */
        Running start(String host, IntSupplier users, LoadRun.RequestObserver observer);
    }

    /** A test going on. */
    public interface Running {
        /** Users running now. */
        int users();

        /** Ends the test: requests in flight finish, files are written. */
        void stop();
    }

    /** What the worker tells its user. */
    public interface Listener {
        void event(String text);
    }

    private final Settings settings;
    private final Tests tests;
    private final Listener listener;
    private final Queue<Message> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger target = new AtomicInteger();
    private volatile Map<String, Object> userClasses = Map.of();
    private volatile LocustStats stats = new LocustStats();
    private volatile Running running;
    private volatile String state = READY;
    private long lastCpuNanos;
    private long lastCpuAt = System.nanoTime();

    public LocustWorker(Settings settings, Tests tests, Listener listener) {
        this.settings = settings;
        this.tests = tests;
        this.listener = listener;
    }

    /**
     * Works for the master until it says quit (returns normally); a master that cannot be
     * reached at the start is a LoadConnectException, one lost for the timeout a CrmbenchException.
     */
    public void run() {
        try (ZContext context = new ZContext()) {
            ZMQ.Socket master = context.createSocket(SocketType.DEALER);
            master.setIdentity(settings.nodeId().getBytes(StandardCharsets.UTF_8));
            master.setTCPKeepAlive(1);
            master.setLinger(1_000);
            String monitorAddress = "inproc://crmbench-monitor-" + System.identityHashCode(this);
            master.monitor(monitorAddress, ZMQ.EVENT_CONNECTED | ZMQ.EVENT_DISCONNECTED);
            ZMQ.Socket monitor = context.createSocket(SocketType.PAIR);
            monitor.connect(monitorAddress);
            master.connect("tcp://" + settings.masterHost() + ":" + settings.masterPort());
            loop(context, master, monitor);
        } finally {
            stopTest();
        }
    }

    /** What the loop knows about the master between polls; owned by the socket's thread. */
    private static final class Link {
        final long started = System.nanoTime();
        long lastReady;
        long lastHeartbeat;
        long lastReport = System.nanoTime();
        /** When the connection was lost, -1 while connected. */
        long lostSince = -1;

        boolean acked;
        boolean spawningReported = true;
    }

    private void loop(ZContext context, ZMQ.Socket master, ZMQ.Socket monitor) {
        ZMQ.Poller poller = context.createPoller(2);
        poller.register(master, ZMQ.Poller.POLLIN);
        poller.register(monitor, ZMQ.Poller.POLLIN);
        Link link = new Link();
        while (true) {
            poller.poll(POLL_MS);
            long now = System.nanoTime();
            if (poller.pollin(1)) {
                onConnectionEvent(ZMQ.Event.recv(monitor, ZMQ.DONTWAIT), link, now);
            }
            if (poller.pollin(0)) {
                for (byte[] frame; (frame = master.recv(ZMQ.DONTWAIT)) != null; ) {
                    if (onMessage(frame, link)) {
                        flush(master);
                        return;
                    }
                }
            }
            keepUp(link, now);
            flush(master);
        }
    }

    private void onConnectionEvent(ZMQ.Event event, Link link, long now) {
        if (event != null && event.getEvent() == ZMQ.EVENT_DISCONNECTED) {
            link.lostSince = now;
            listener.event("lost the connection to the master; waiting "
                    + settings.masterTimeout().toSeconds() + " s for it");
        } else if (event != null && event.getEvent() == ZMQ.EVENT_CONNECTED && link.lostSince >= 0) {
            // the master is back (perhaps a new one): stop what ran and introduce ourselves again
            link.lostSince = -1;
            link.acked = false;
            link.lastReady = 0;
            stopTest();
            listener.event("reconnected to the master; registering again");
        }
    }

    /** Obeys one message from the master; true when it said quit. */
    private boolean onMessage(byte[] frame, Link link) {
        Message message;
        try {
            message = Message.decode(frame);
        } catch (IllegalArgumentException e) {
            listener.event("ignored a message that is not Locust's: " + e.getMessage());
            return false;
        }
        switch (message.type()) {
            case "ack" -> {
                if (!link.acked) {
                    listener.event("connected to the Locust master at " + settings.masterHost() + ":"
                            + settings.masterPort() + " as " + settings.nodeId());
                }
                link.acked = true;
            }
            case "spawn" -> {
                spawn(message.data());
                link.spawningReported = false;
            }
            case "stop" -> {
                stopTest();
                send("client_stopped", null);
                send("client_ready", -1);
                listener.event("the master stopped the test");
            }
            case "quit" -> {
                listener.event("the master quit");
                stopTest();
                send("stats", report());
                return true;
            }
            case "reconnect" -> {
                link.acked = false;
                link.lastReady = 0;
            }
            case "heartbeat" -> {
                // newer masters' heartbeat: the connection events already tell us it lives
            }
            default -> listener.event("ignored a '" + message.type() + "' message from the master");
        }
        return false;
    }

    /** Registers until acked, gives up on a lost master, and sends what is due: spawn done, heartbeat, stats. */
    private void keepUp(Link link, long now) {
        if (!link.acked
                && nanosSince(link.lastReady, now) >= Duration.ofSeconds(5).toNanos()) {
            if (link.lostSince < 0 && nanosSince(link.started, now) > FIRST_ACK.toNanos()) {
                throw new LoadConnectException(
                        "No Locust master answered at " + settings.masterHost() + ":" + settings.masterPort()
                                + " within " + FIRST_ACK.toSeconds() + " s; is one running"
                                + " (locust --master), and is that its --master-bind-port?",
                        null);
            }
            send("client_ready", -1); // -1: do not check versions (Debian's Locust reports none)
            link.lastReady = now;
        }
        if (link.lostSince >= 0
                && now - link.lostSince > settings.masterTimeout().toNanos()) {
            stopTest();
            throw new CrmbenchException("Lost the Locust master at " + settings.masterHost() + ":"
                    + settings.masterPort() + " for " + settings.masterTimeout().toSeconds()
                    + " s: stopped the users.");
        }
        if (!link.spawningReported && running != null && running.users() >= target.get()) {
            send("spawning_complete", usersReport());
            state = RUNNING;
            link.spawningReported = true;
        }
        if (nanosSince(link.lastHeartbeat, now) >= HEARTBEAT.toNanos()) {
            send("heartbeat", heartbeat(now));
            link.lastHeartbeat = now;
        }
        if (now - link.lastReport >= REPORT.toNanos()) {
            send("stats", report());
            link.lastReport = now;
        }
    }

    /** The master's dispatch: this worker's users per user class; all of them run crmbench's scenario. */
    private void spawn(Object data) {
        send("spawning", null);
        if (!(data instanceof Map<?, ?> job) || !(job.get("user_classes_count") instanceof Map<?, ?> classes)) {
            listener.event("ignored a spawn message without user_classes_count");
            return;
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        int users = 0;
        for (Map.Entry<?, ?> e : classes.entrySet()) {
            int n = ((Number) e.getValue()).intValue();
            counts.put(String.valueOf(e.getKey()), (long) n);
            users += n;
        }
        userClasses = counts;
        target.set(users);
        state = SPAWNING;
        if (running == null) {
            stats = new LocustStats();
            Object host = job.get("host");
            running =
                    tests.start(host == null || host.toString().isBlank() ? null : host.toString(), target::get, stats);
            listener.event("the master started a test: " + users + " users");
        } else {
            listener.event("the master resized the test: " + users + " users");
        }
    }

    private void stopTest() {
        Running test = running;
        running = null;
        target.set(0);
        state = READY;
        if (test != null) {
            test.stop();
        }
    }

    private Map<String, Object> usersReport() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_classes_count", userClasses);
        data.put("user_count", (long) (running == null ? 0 : running.users()));
        return data;
    }

    private Map<String, Object> report() {
        Map<String, Object> data = stats.takeReport();
        data.putAll(usersReport());
        return data;
    }

    /** State, and this process's CPU (percent of one core since the last heartbeat) and memory. */
    private Map<String, Object> heartbeat(long now) {
        long cpu = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
        double percent = 100.0 * (cpu - lastCpuNanos) / Math.max(1, now - lastCpuAt);
        lastCpuNanos = cpu;
        lastCpuAt = now;
        Runtime memory = Runtime.getRuntime();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("state", state);
        data.put("current_cpu_usage", Math.round(percent * 10) / 10.0);
        data.put("current_memory_usage", memory.totalMemory() - memory.freeMemory());
        return data;
    }

    private void send(String type, Object data) {
        outbox.add(new Message(type, data, settings.nodeId()));
    }

    private void flush(ZMQ.Socket master) {
        for (Message m; (m = outbox.poll()) != null; ) {
            master.send(m.encode(), ZMQ.DONTWAIT);
        }
    }

    private static long nanosSince(long then, long now) {
        return then == 0 ? Long.MAX_VALUE : now - then;
    }
}
