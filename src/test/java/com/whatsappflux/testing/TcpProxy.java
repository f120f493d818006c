package com.whatsappflux.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP pipe between the application and a real server (PostgreSQL), so a test can take the server away from
 * the application without stopping it for everybody else. {@link #cut()} closes every live connection and drops
 * new ones as soon as they are accepted — what a client sees when the server goes down; {@link #heal()} lets
 * connections through again.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> live = new ArrayList<>();
    private boolean cut;
    private volatile boolean closed;

    private TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.acceptor = new Thread(this::acceptLoop, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static TcpProxy to(String host, int port) {
        try {
            return new TcpProxy(host, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the proxy port", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The server is gone: every open connection is closed now, new ones are closed right after accept. */
    public void cut() {
        List<Socket> toClose;
        synchronized (live) {
            cut = true;
            toClose = new ArrayList<>(live);
            live.clear();
        }
        toClose.forEach(TcpProxy::closeQuietly);
    }

    /** The server is back. */
    public void heal() {
        synchronized (live) {
            cut = false;
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        cut();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            Thread connector = new Thread(() -> connect(client), "tcp-proxy-connect");
            connector.setDaemon(true);
            connector.start();
        }
    }

    private void connect(Socket client) {
        if (!register(client)) {
            return;
        }
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(targetHost, targetPort), 5000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        if (!register(upstream)) {
            closeQuietly(client);
            return;
        }
        pipe(client, upstream);
        pipe(upstream, client);
    }

    /** Registered under the same lock as {@link #cut()}, so no connection slips through a cut. */
    private boolean register(Socket socket) {
        synchronized (live) {
            if (cut || closed) {
                closeQuietly(socket);
                return false;
            }
            live.add(socket);
            return true;
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side closed: close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                synchronized (live) {
                    live.remove(from);
                    live.remove(to);
                }
            }
        }, "tcp-proxy-pipe");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
