package nyc.daylight.records.extract;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Messages shaped like what agencies' mail systems really send, written by the team: the header
 * sets, MIME structures and quirks of Outlook, Lotus Notes, Apple Mail, Exchange (TNEF), Gmail
 * (an mbox export), an exim bounce and a Microsoft delivery report.
 */
final class MailFixtures {
    private MailFixtures() {}

    static byte[] bytes(String message) {
        return message.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(byte[] data) {
        return Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data);
    }

    /** Outlook 2016 through Exchange: text and HTML alternatives, a PDF beside them. */
    static byte[] outlook() {
        return bytes("""
                Received: from NYCEXMB01.nycnet (10.1.2.3) by NYCEXCAS02.nycnet; Tue, 5 Mar 2024 10:02:11 -0500
                From: "Rivera, Ana (DOC)" <ARivera@doc.nyc.gov>
                To: "jane@example.org" <jane@example.org>
                Subject: RE: FOIL Request 2024-DOC-0117
                Thread-Topic: FOIL Request 2024-DOC-0117
                Thread-Index: AQHabc1234567890abcdefABCDEF
                Date: Tue, 5 Mar 2024 15:02:10 +0000
                Message-ID: <BN6PR09MB1234ABCD@BN6PR09MB1234.namprd09.prod.outlook.com>
                Accept-Language: en-US
                Content-Language: en-US
                X-MS-Has-Attach: yes
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="_004_BN6PR09MB1234_"

                --_004_BN6PR09MB1234_
                Content-Type: multipart/alternative; boundary="_000_BN6PR09MB1234_"

                --_000_BN6PR09MB1234_
                Content-Type: text/plain; charset="us-ascii"
                Content-Transfer-Encoding: quoted-printable

                Good morning,

                Please find attached the Department's determination on your request.

                Ana Rivera
                Records Access Officer
                --_000_BN6PR09MB1234_
                Content-Type: text/html; charset="us-ascii"
                Content-Transfer-Encoding: quoted-printable

                <html><body><p>Good morning,</p><p>Please find attached the Department's determination.</p></body></html>
                --_000_BN6PR09MB1234_--

                --_004_BN6PR09MB1234_
                Content-Type: application/pdf; name="Determination 2024-DOC-0117.pdf"
                Content-Description: Determination 2024-DOC-0117.pdf
                Content-Disposition: attachment; filename="Determination 2024-DOC-0117.pdf"; size=1234
                Content-Transfer-Encoding: base64

                """ + b64(Fixtures.pdf("Determination: granted in part")) + """

                --_004_BN6PR09MB1234_--
                """);
    }

    /** Lotus Notes 8.5: a plain body quoting our letter Notes-style, with a uuencoded log in it. */
    static byte[] lotusNotes() {
        return bytes("""
                Received: from notes.hra.nyc.gov by mx.daylight.test; Wed, 6 Mar 2024 09:12:00 -0500
                From: Records Access Officer <RAO@hra.nyc.gov>
                To: request-2024-0042@reply.daylight.test
                Date: Wed, 6 Mar 2024 09:11:47 -0500
                Subject: Re: Freedom of Information Law request
                Message-ID: <OF1A2B3C4D.5E6F7A8B-ON85258A.00123456@hra.nyc.gov>
                X-Mailer: Lotus Notes Release 8.5.3FP6 November 21, 2013
                X-MIMETrack: Serialize by Router on NOTES01/HRA(Release 9.0.1FP10|January 2018) at 03/06/2024 09:11:48 AM
                MIME-Version: 1.0
                Content-Type: text/plain; charset=US-ASCII

                The intake log you asked for is below.

                """ + uuencode("intake-log.csv", "Date,Count\n2024-01-02,14\n2024-01-03,9\n") + """

                Records Access Officer



                Jane Doe <request-2024-0042@reply.daylight.test>
                03/01/2024 04:15 PM
                Please respond to
                request-2024-0042@reply.daylight.test
                """);
    }

    /** Apple Mail: the files sit inside the HTML alternative, between pieces of the HTML body. */
    static byte[] appleMail() {
        return bytes("""
                From: Sam Lee <slee@council.nyc.gov>
                Content-Type: multipart/alternative; boundary="Apple-Mail=_1A2B3C4D-0000-1111-2222-333344445555"
                Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3731.500.231\\))
                Subject: Hearing transcript
                Date: Thu, 7 Mar 2024 11:20:05 -0500
                Message-Id: <5F1E2D3C-4B5A-6978-8A9B-0C1D2E3F4A5B@council.nyc.gov>
                To: jane@example.org
                X-Mailer: Apple Mail (2.3731.500.231)

                --Apple-Mail=_1A2B3C4D-0000-1111-2222-333344445555
                Content-Transfer-Encoding: 7bit
                Content-Type: text/plain; charset=us-ascii

                Here is the transcript you asked about.

                --Apple-Mail=_1A2B3C4D-0000-1111-2222-333344445555
                Content-Type: multipart/mixed; boundary="Apple-Mail=_99998888-7777-6666-5555-444433332222"

                --Apple-Mail=_99998888-7777-6666-5555-444433332222
                Content-Transfer-Encoding: 7bit
                Content-Type: text/html; charset=us-ascii

                <html><body>Here is the transcript you asked about.<br></body></html>
                --Apple-Mail=_99998888-7777-6666-5555-444433332222
                Content-Disposition: inline; filename=transcript.pdf
                Content-Type: application/pdf; x-unix-mode=0644; name="transcript.pdf"
                Content-Transfer-Encoding: base64

                """ + b64(Fixtures.pdf("Transcript of the hearing of March 4")) + """

                --Apple-Mail=_99998888-7777-6666-5555-444433332222
                Content-Transfer-Encoding: 7bit
                Content-Type: text/html; charset=us-ascii

                <html><body><br>Sam</body></html>
                --Apple-Mail=_99998888-7777-6666-5555-444433332222--

                --Apple-Mail=_1A2B3C4D-0000-1111-2222-333344445555--
                """);
    }

    /** Exchange in rich-text mode: the letter travels inside winmail.dat. */
    static byte[] exchangeTnef() {
        byte[] tnef = FormatFixtures.tnef("Response", "See the attached response letter.", "response-letter.txt",
                "Your request is granted.".getBytes(StandardCharsets.UTF_8));
        return bytes("""
                Received: from EXCH2010.dot.nycnet ([10.20.30.40]) by mx.daylight.test; Fri, 8 Mar 2024 16:40:00 -0500
                From: FOIL Officer <foil@dot.nyc.gov>
                To: jane@example.org
                Subject: Response
                Date: Fri, 8 Mar 2024 21:39:58 +0000
                Message-ID: <A1B2C3D4E5F6@EXCH2010.dot.nycnet>
                X-MS-TNEF-Correlator: <A1B2C3D4E5F6@EXCH2010.dot.nycnet>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="----=_NextPart_000_0001_01DA7190.12345678"

                ------=_NextPart_000_0001_01DA7190.12345678
                Content-Type: text/plain; charset="us-ascii"
                Content-Transfer-Encoding: 7bit

                See the attached response letter.

                ------=_NextPart_000_0001_01DA7190.12345678
                Content-Type: application/ms-tnef; name="winmail.dat"
                Content-Transfer-Encoding: base64
                Content-Disposition: attachment; filename="winmail.dat"

                """ + b64(tnef) + """

                ------=_NextPart_000_0001_01DA7190.12345678--
                """);
    }

    /** A message from a Gmail Takeout mbox: an envelope line first, raw UTF-8 in a header, two From addresses. */
    static byte[] gmailMbox() {
        return bytes("""
                From 1790123456789012345@xxx Sat Mar 09 14:30:00 +0000 2024
                X-GM-THRID: 1790123456789012345
                X-Gmail-Labels: Inbox,FOIL
                Delivered-To: jane@example.org
                Received: by 2002:a05:6a10:1234:b0:5a1:2345:6789 with SMTP id abc; Sat, 9 Mar 2024 06:30:00 -0800 (PST)
                From: counsel@law.nyc.gov, paralegal@law.nyc.gov
                Sender: counsel@law.nyc.gov
                To: jane@example.org
                Subject: Re: § 87(2)(g) withholding
                Date: Sat, 9 Mar 2024 09:30:00 -0500
                Message-ID: <CAFxyz123@mail.gmail.com>
                MIME-Version: 1.0
                Content-Type: text/plain
                Content-Transfer-Encoding: 8bit

                The records withheld under § 87(2)(g) are inter-agency materials.
                """);
    }

    /** An exim bounce of a letter Daylight sent. */
    static byte[] eximBounce() {
        return bytes("""
                Return-path: <>
                Envelope-to: request-2024-0042@reply.daylight.test
                Received: from mail by mx.example.gov with local (Exim 4.96) id 1rk2Xy-000ABC-9Z; Mon, 11 Mar 2024 08:00:01 -0400
                X-Failed-Recipients: foil@wrong-agency.example.gov
                Auto-Submitted: auto-replied
                From: Mail Delivery System <Mailer-Daemon@mx.example.gov>
                To: request-2024-0042@reply.daylight.test
                Content-Type: text/plain; charset=us-ascii
                Subject: Mail delivery failed: returning message to sender
                Message-Id: <E1rk2Xy-000ABC-9Z@mx.example.gov>
                Date: Mon, 11 Mar 2024 08:00:01 -0400

                This message was created automatically by mail delivery software.

                A message that you sent could not be delivered to one or more of its
                recipients. This is a permanent error. The following address(es) failed:

                  foil@wrong-agency.example.gov
                    host mx.wrong-agency.example.gov [192.0.2.10]
                    SMTP error from remote mail server after RCPT TO:<foil@wrong-agency.example.gov>:
                    550 5.1.1 User unknown

                ------ This is a copy of the message, including all the headers. ------

                From: request-2024-0042@reply.daylight.test
                Subject: Freedom of Information Law request
                """);
    }

    /** A Microsoft Exchange Online delivery status notification (multipart/report). */
    static byte[] microsoftDsn() {
        return bytes("""
                Received: from SN6PR09MB0001.namprd09.prod.outlook.com by mx.daylight.test; Tue, 12 Mar 2024 12:00:00 +0000
                From: postmaster@nyc.gov
                To: request-2024-0042@reply.daylight.test
                Date: Tue, 12 Mar 2024 12:00:00 +0000
                Subject: Undeliverable: Freedom of Information Law request
                Message-ID: <dsn-0001@SN6PR09MB0001.namprd09.prod.outlook.com>
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="DSN_BOUNDARY"

                --DSN_BOUNDARY
                Content-Type: text/plain; charset="us-ascii"

                Delivery has failed to these recipients or groups:

                records@nyc.gov
                The email address you entered couldn't be found.

                --DSN_BOUNDARY
                Content-Type: message/delivery-status

                Reporting-MTA: dns;SN6PR09MB0001.namprd09.prod.outlook.com
                Received-From-MTA: dns;mx.daylight.test
                Arrival-Date: Tue, 12 Mar 2024 11:59:58 +0000

                Final-Recipient: rfc822;records@nyc.gov
                Action: failed
                Status: 5.1.10
                Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup

                --DSN_BOUNDARY
                Content-Type: message/rfc822

                From: request-2024-0042@reply.daylight.test
                To: records@nyc.gov
                Subject: Freedom of Information Law request
                Date: Tue, 12 Mar 2024 11:59:50 +0000

                Under the Freedom of Information Law, I request...
                --DSN_BOUNDARY--
                """);
    }

    /** One part in a transfer encoding no reader knows, between two readable ones. */
    static byte[] brokenPart() {
        return bytes("""
                From: clerk@agency.nyc.gov
                To: jane@example.org
                Subject: Partial release
                Date: Wed, 13 Mar 2024 10:00:00 -0400
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=us-ascii

                The first batch is attached.
                --b
                Content-Type: application/pdf; name="batch-2.pdf"
                Content-Transfer-Encoding: x-proprietary-packing

                @@@@@@
                --b
                Content-Type: text/csv; name="batch-1.csv"
                Content-Disposition: attachment; filename="batch-1.csv"

                Case,Status
                A-1,Closed
                A-2,Open
                --b--
                """);
    }

    /** A file uuencoded as mail gateways write it: 45 bytes a line, "`" for zero bits. */
    private static String uuencode(String name, String content) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        StringBuilder s = new StringBuilder("begin 644 ").append(name).append('\n');
        for (int off = 0; off < data.length; off += 45) {
            int n = Math.min(45, data.length - off);
            s.append((char) (' ' + n));
            for (int i = 0; i < n; i += 3) {
                int b0 = data[off + i] & 0xFF;
                int b1 = i + 1 < n ? data[off + i + 1] & 0xFF : 0;
                int b2 = i + 2 < n ? data[off + i + 2] & 0xFF : 0;
                int t = b0 << 16 | b1 << 8 | b2;
                for (int k = 3; k >= 0; k--) {
                    int v = t >> (k * 6) & 0x3F;
                    s.append(v == 0 ? '`' : (char) (' ' + v));
                }
            }
            s.append('\n');
        }
        return s.append("`\nend").toString();
    }
}
