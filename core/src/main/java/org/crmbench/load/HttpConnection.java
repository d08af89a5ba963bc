package org.crmbench.load;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One keep-alive HTTP/1.1 connection for GET requests: what a load generator needs and nothing
 * more. The JDK's HttpClient spent more CPU per request than the server it measured; this one
 * parses the response in its own buffer (no per-byte locking of a BufferedInputStream, no string
 * per header). Blocking I/O: run it on a virtual thread.
 */
final class HttpConnection implements AutoCloseable {
    /** A response: status and body. */
    record Response(int status, byte[] body) {
        /** Whether the body contains {@code word} (ASCII), without decoding it. */
        boolean bodyContains(byte[] word) {
            outer:
            for (int i = 0; i + word.length <= body.length; i++) {
                for (int j = 0; j < word.length; j++) {
                    if (body[i + j] != word[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }

    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION = "connection:".getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress address;
    private final byte[] requestTail;
    private final int timeoutMs;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    HttpConnection(URI host, int timeoutMs) {
        int port = host.getPort() > 0 ? host.getPort() : 80;
        this.address = new InetSocketAddress(host.getHost(), port);
        this.requestTail = (" HTTP/1.1\r\nHost: " + host.getHost() + ":" + port + "\r\nAccept: */*\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
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
        byte[] request = new byte[4 + path.length() + requestTail.length];
        request[0] = 'G';
        request[1] = 'E';
        request[2] = 'T';
        request[3] = ' ';
        path.getBytes(0, path.length(), request, 4); // ASCII: paths are URL-encoded
        System.arraycopy(requestTail, 0, request, 4 + path.length(), requestTail.length);
        out.write(request);
        out.flush();

        int lineEnd = lineEnd();
        if (lineEnd - position < 12 || buffer[position] != 'H' || buffer[position + 5] != '1') {
            throw new IOException("not an HTTP/1.x response");
        }
        int status =
                (buffer[position + 9] - '0') * 100 + (buffer[position + 10] - '0') * 10 + (buffer[position + 11] - '0');
        position = lineEnd + 2;
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (lineEnd = lineEnd(); lineEnd > position; lineEnd = lineEnd()) {
            if (startsWithIgnoreCase(CONTENT_LENGTH)) {
                length = parseLong(position + CONTENT_LENGTH.length, lineEnd, 10);
            } else if (startsWithIgnoreCase(TRANSFER_ENCODING)) {
                chunked = contains(lineEnd, (byte) 'c', (byte) 'h'); // "chunked"
            } else if (startsWithIgnoreCase(CONNECTION)) {
                close = contains(lineEnd, (byte) 'c', (byte) 'l'); // "close"
            }
            position = lineEnd + 2;
        }
        position = lineEnd + 2;
        byte[] body = chunked ? chunkedBody() : length >= 0 ? read((int) length) : readToEnd();
        if (close || (length < 0 && !chunked)) {
            close();
        }
        return new Response(status, body);
    }

    private byte[] chunkedBody() throws IOException {
        byte[] body = new byte[0];
        while (true) {
            int end = lineEnd();
            int semicolon = position;
            while (semicolon < end && buffer[semicolon] != ';') {
                semicolon++;
            }
            int size = (int) parseLong(position, semicolon, 16);
            position = end + 2;
            if (size == 0) {
                for (end = lineEnd(); end > position; end = lineEnd()) {
                    position = end + 2; // trailers are ignored
                }
                position = end + 2;
                return body;
            }
            byte[] chunk = read(size);
            body = Arrays.copyOf(body, body.length + size);
            System.arraycopy(chunk, 0, body, body.length - size, size);
            position = lineEnd() + 2;
        }
    }

    /** The index of the next CRLF at or after {@code position}, reading more as needed. */
    private int lineEnd() throws IOException {
        for (int i = position; ; i++) {
            if (i + 1 >= limit) {
                int scanned = i - position;
                fill();
                i = position + scanned - 1;
                continue;
            }
            if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                return i;
            }
        }
    }

    /** Reads more bytes after the unread ones, compacting the buffer first. */
    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            throw new IOException("a response line longer than " + buffer.length + " bytes");
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            throw new EOFException("the server closed the connection");
        }
        limit += n;
    }

    private byte[] read(int length) throws IOException {
        byte[] body = new byte[length];
        int buffered = Math.min(length, limit - position);
        System.arraycopy(buffer, position, body, 0, buffered);
        position += buffered;
        int read = buffered;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                throw new EOFException("the connection closed in the middle of a response");
            }
            read += n;
        }
        return body;
    }

    private byte[] readToEnd() throws IOException {
        byte[] rest = in.readAllBytes();
        byte[] body = Arrays.copyOfRange(buffer, position, limit + rest.length);
        System.arraycopy(rest, 0, body, limit - position, rest.length);
        position = limit;
        return body;
    }

    private boolean startsWithIgnoreCase(byte[] lowerCasePrefix) {
        if (limit - position < lowerCasePrefix.length) {
            return false;
        }
        for (int i = 0; i < lowerCasePrefix.length; i++) {
            if ((buffer[position + i] | 0x20) != lowerCasePrefix[i] && buffer[position + i] != lowerCasePrefix[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(int end, byte first, byte second) {
        for (int i = position; i + 1 < end; i++) {
            if ((buffer[i] | 0x20) == first && (buffer[i + 1] | 0x20) == second) {
                return true;
            }
        }
        return false;
    }

    private long parseLong(int from, int to, int radix) throws IOException {
        long value = 0;
        boolean digits = false;
        for (int i = from; i < to; i++) {
            int d = Character.digit(buffer[i], radix);
            if (d >= 0) {
                value = value * radix + d;
                digits = true;
            } else if (buffer[i] != ' ' && buffer[i] != '\t') {
                throw new IOException("a malformed number in a response header");
            }
        }
        if (!digits) {
            throw new IOException("a malformed number in a response header");
        }
        return value;
    }

    private void open() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(timeoutMs);
        s.connect(address, Math.min(timeoutMs, 5_000));
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
        position = 0;
        limit = 0;
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
