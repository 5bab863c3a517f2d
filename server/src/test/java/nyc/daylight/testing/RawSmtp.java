package nyc.daylight.testing;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A sending mail server at its plainest: one SMTP session over a socket, the message's bytes sent
 * as they are (dot-stuffed, lines ended CRLF), so a test can deliver what a mail library would
 * rewrite or refuse to write: a NUL, bytes that are no charset, a null envelope sender.
 */
public final class RawSmtp {
    private RawSmtp() {
    }

    /** Delivers {@code message}; returns the server's reply to the end of DATA ("250 …", "451 …"). */
    public static String send(int port, String mailFrom, String rcptTo, byte[] message) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = s.getOutputStream();
            expect(in, "220");
            command(out, "EHLO mx1.agency.test");
            expect(in, "250");
            command(out, "MAIL FROM:<" + mailFrom + ">");
            expect(in, "250");
            command(out, "RCPT TO:<" + rcptTo + ">");
            expect(in, "250");
            command(out, "DATA");
            expect(in, "354");
            out.write(dotStuffed(message));
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = reply(in);
            command(out, "QUIT");
            return reply;
        }
    }

    private static byte[] dotStuffed(byte[] message) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(message.length + 256);
        boolean lineStart = true;
        for (int i = 0; i < message.length; i++) {
            byte c = message[i];
            if (c == '\n' && (i == 0 || message[i - 1] != '\r')) b.write('\r');
            if (lineStart && c == '.') b.write('.');
            b.write(c);
            lineStart = c == '\n';
        }
        if (!lineStart) b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }

    private static void command(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String reply = reply(in);
        if (!reply.startsWith(code)) throw new IOException("Expected " + code + ", got: " + reply);
    }

    /** One reply, its continuation lines ("250-…") joined. */
    private static String reply(BufferedReader in) throws IOException {
        StringBuilder b = new StringBuilder();
        while (true) {
            String line = in.readLine();
            if (line == null) throw new IOException("The server closed the connection after: " + b);
            b.append(line).append('\n');
            if (line.length() < 4 || line.charAt(3) != '-') return b.toString().strip();
        }
    }
}
