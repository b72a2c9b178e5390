package io.harmattan.testing;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** What the test stack's SMTP server (GreenMail) has received. */
public final class Mailbox {

    private Mailbox() {
    }

    /** Every message received so far addressed (To) to {@code address}. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(TestStack.get().mail.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(recipient -> recipient.toString().equals(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }
}
