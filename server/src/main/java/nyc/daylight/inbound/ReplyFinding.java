package nyc.daylight.inbound;

import java.math.BigDecimal;

/** One finding in a reply's subject or text ({@code part}), and its decision once made. */
public record ReplyFinding(long id, String part, String kind, String text, int startOffset, int endOffset, BigDecimal confidence,
                           boolean manual, String decision, String exemption) {}
