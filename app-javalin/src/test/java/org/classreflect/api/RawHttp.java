package org.classreflect.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests written byte by byte on a socket (any header, any broken body), answers read to the end. An answer that
 * never completed has status 0, so that a caller counting answers sees it as one more wrong answer.
 */
public final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The body as JSON; a JSON null when it is empty or not JSON. */
        public JsonNode json() {
            try {
                return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                return JSON.nullNode();
            }
        }
    }

    private RawHttp() {
    }

    public static Answer exchange(int port, byte[] request, int timeoutMillis) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            try {
                s.getOutputStream().write(request);
                s.getOutputStream().flush();
            } catch (IOException e) {
                // the server answered early (a 413, say) and closed: read what it said
            }
            return read(s.getInputStream());
        }
    }

    public static Answer exchange(int port, String head, byte[] body, int timeoutMillis) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        return exchange(port, out.toByteArray(), timeoutMillis);
    }

    /** A request head with Connection: close; {@code extra} lines end with CRLF. */
    public static String head(String method, String path, String extra, long contentLength) {
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + extra
                + (contentLength >= 0 ? "Content-Length: " + contentLength + "\r\n" : "") + "\r\n";
    }

    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        try {
            while ((n = in.read(buf)) >= 0) {
                all.write(buf, 0, n);
            }
        } catch (java.net.SocketException e) {
            // the server closed after answering; keep what arrived
        }
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Answer(0, Map.of(), text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8));
    }
    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < chunked.length()) {
            int eol = chunked.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size;
            try {
                size = Integer.parseInt(chunked.substring(i, eol).split(";")[0].trim(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            int start = eol + 2;
            int stop = Math.min(chunked.length(), start + size);
            out.append(chunked, start, stop);
            i = stop + 2;
        }
        return out.toString();
    }

}
