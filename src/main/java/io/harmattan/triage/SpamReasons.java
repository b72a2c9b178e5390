package io.harmattan.triage;

import io.quarkus.qute.TemplateExtension;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stored reason a lead was held as spam ("4 links in the text", "form filled in 850 ms", ...)
 * read back as a code and a number, so that pages can say it in the reader's language:
 * {@code {msg:spam_reason(spam:code(r), spam:number(r))}}.
 */
@TemplateExtension(namespace = "spam")
public final class SpamReasons {

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private SpamReasons() {
    }

    static String code(String reason) {
        if (reason == null) {
            return "none";
        }
        if (reason.startsWith("honeypot")) {
            return "honeypot";
        }
        if (reason.startsWith("form filled in")) {
            return "fast";
        }
        if (reason.startsWith("markup")) {
            return "markup";
        }
        if (reason.endsWith("links in the text") || reason.equals("links")) {
            return "links";
        }
        return "consultant".equals(reason) ? "consultant" : "other";
    }

    static String number(String reason) {
        Matcher m = reason == null ? null : NUMBER.matcher(reason);
        return m != null && m.find() ? m.group() : "";
    }
}
