package io.harmattan.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/run}'s SMTP server for Keycloak's mails (set a password, verify an email): a local
 * GreenMail whose messages are printed to the console, links included, so that an invitation
 * can be followed on a machine with no mail relay.
 */
final class DevMailbox implements AutoCloseable {

    private final GreenMail mail;
    private final ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dev-mailbox");
        thread.setDaemon(true);
        return thread;
    });
    private int printed;

    DevMailbox(int port) {
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        printer.scheduleWithFixedDelay(this::printNew, 1, 1, TimeUnit.SECONDS);
    }

    int port() {
        return mail.getSmtp().getPort();
    }

    private void printNew() {
        MimeMessage[] messages = mail.getReceivedMessages();
        for (; printed < messages.length; printed++) {
            try {
                MimeMessage message = messages[printed];
                System.out.println("\n---- Mail to " + message.getRecipients(Message.RecipientType.TO)[0] + ": "
                        + message.getSubject() + "\n" + text(message) + "\n----");
            } catch (Exception e) {
                System.out.println("---- A mail arrived that could not be read: " + e.getMessage());
            }
        }
    }

    private static String text(MimeMessage message) throws Exception {
        if (message.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return part.getContent().toString();
                }
            }
        }
        return GreenMailUtil.getBody(message);
    }

    @Override
    public void close() {
        printer.shutdownNow();
        mail.stop();
    }
}
