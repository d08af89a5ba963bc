package org.crmbench.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection for GET requests: what a load generator needs and nothing
 * more, so the client costs a few system calls per request. A general client (the JDK's) spent
 * more CPU per request than the server it was measuring. Blocking I/O: run it on a virtual thread.
 */
final class HttpConnection implements AutoCloseable {
    /** A response: status, body, and whether the server keeps the connection open. */
    record Response(int status, byte[] body) {}

    private final InetSocketAddress address;
    private final byte[] hostHeader;
    private final int timeoutMs;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    HttpConnection(URI host, int timeoutMs) {
        int port = host.getPort() > 0 ? host.getPort() : 80;
        this.address = new InetSocketAddress(host.getHost(), port);
        this.hostHeader = ("Host: " + host.getHost() + ":" + port + "\r\n").getBytes(StandardCharsets.US_ASCII);
        this.timeoutMs = timeoutMs;
    }

    /** GETs {@code path}; a reused connection that the server has closed is reopened once. */
    Response get(String path) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(path);
        } catch (IOException e) {
            close();
            if (!reused || e instanceof java.net.SocketTimeoutException) {
                throw e;
            }
            return exchange(path);
        }
    }

    private Response exchange(String path) throws IOException {
        if (socket == null) {
            open();
        }
        out.write(("GET " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(hostHeader);
        out.write("Accept: */*\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String h = header.toLowerCase(Locale.ROOT);
            if (h.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).strip());
            } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
                chunked = true;
            } else if (h.startsWith("connection:") && h.contains("close")) {
                close = true;
            }
        }
        byte[] body = chunked ? chunkedBody() : length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
        if (length >= 0 && body.length != length) {
            throw new EOFException("the connection closed in the middle of a response");
        }
        if (close || (length < 0 && !chunked)) {
            close();
        }
        return new Response(status, body);
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
            body.write(in.readNBytes(size));
            line();
        }
        for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
            // trailers are ignored
        }
        return body.toByteArray();
    }

    private int chunkSize() throws IOException {
        String line = line();
        int semicolon = line.indexOf(';');
        return Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).strip(), 16);
    }

    /** One CRLF-terminated line (ASCII), without the CRLF. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void open() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(timeoutMs);
        s.connect(address, Math.min(timeoutMs, 5_000));
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
        out = new java.io.BufferedOutputStream(s.getOutputStream(), 1024);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing is best effort
            }
            socket = null;
        }
    }
}
