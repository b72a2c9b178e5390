package io.harmattan.testing;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The decoded text of a received mail, and the links in it. */
public final class MailText {

    private static final Pattern LINK = Pattern.compile("(https?://\\S+action-token\\S+)");

    private MailText() {
    }

    /** Every text/plain part, decoded, in order. */
    public static String of(Part message) {
        try {
            return text(message);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }

    /** The action-token link of a Keycloak mail (set a password, verify an email). */
    public static String actionLink(Part message) {
        Matcher link = LINK.matcher(of(message));
        if (!link.find()) {
            throw new AssertionError("no action link in: " + of(message));
        }
        return link.group(1);
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart parts) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart child = parts.getBodyPart(i);
                text.append(text(child));
            }
            return text.toString();
        }
        return "";
    }
}
