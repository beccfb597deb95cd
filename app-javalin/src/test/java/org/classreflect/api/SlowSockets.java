package org.classreflect.api;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Connections that send their request slowly, as a slowloris attacker does, and see when the server ends them. */
public final class SlowSockets implements AutoCloseable {

    private final List<Socket> sockets = new ArrayList<>();
    private final Set<Socket> ended = new HashSet<>();

    private SlowSockets() {
    }

    /** Opens {@code count} connections that each send {@code head} and then nothing more. */
    public static SlowSockets open(int port, int count, String head) throws IOException {
        SlowSockets slow = new SlowSockets();
        for (int i = 0; i < count; i++) {
            Socket s = new Socket();
            slow.sockets.add(s);
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(5);
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        }
        return slow;
    }

    /** Sends a head and the first bytes of a body that never comes: the request stays in flight, reading. */
    public static Socket stalled(int port, String head, int bodyBytes) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        s.setSoTimeout(10_000);
        OutputStream out = s.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(new byte[bodyBytes]);
        out.flush();
        return s;
    }

    /** One more byte on every connection the server has not ended, {@code rounds} times, 200 ms apart. */
    public void trickle(int rounds) throws InterruptedException {
        for (int r = 0; r < rounds; r++) {
            for (Socket s : sockets) {
                if (ended.contains(s)) {
                    continue;
                }
                try {
                    OutputStream out = s.getOutputStream();
                    out.write('a');
                    out.flush();
                } catch (IOException e) {
                    ended.add(s);
                }
            }
            Thread.sleep(200);
        }
    }

    /** Goes on trickling until the server has ended every connection or the time is up; how many it ended. */
    public int awaitEnded(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline && ended.size() < sockets.size()) {
            trickle(1);
            for (Socket s : sockets) {
                if (!ended.contains(s) && answeredOrClosed(s)) {
                    ended.add(s);
                }
            }
        }
        return ended.size();
    }

    public int size() {
        return sockets.size();
    }

    public int ended() {
        return ended.size();
    }

    @Override
    public void close() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
    }

    /** True once the server has written anything (an answer) or closed the connection. */
    private static boolean answeredOrClosed(Socket s) {
        try {
            s.getInputStream().read();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
