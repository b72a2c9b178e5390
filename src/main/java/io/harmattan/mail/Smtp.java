package io.harmattan.mail;

import io.harmattan.HarmattanConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * Plain-text mail through the configured relay, with blocking sockets on the caller's thread
 * (LeadMail's sender threads, never a request worker). Every step has a timeout, so a relay that
 * hangs fails the send and leaves it to the caller's retry.
 *
 * <p>The Quarkus mailer was used before. Right after the relay restarted, some of its new
 * connections never sent EHLO after the relay's greeting had arrived. A plain socket read the
 * greeting 200 times out of 200 in the same situation. Jakarta Mail, one connection per
 * message, has no such state to lose.
 */
@ApplicationScoped
public class Smtp {

    private static final Logger LOG = Logger.getLogger(Smtp.class);

    @Inject
    HarmattanConfig config;

    private Session session;
    private InternetAddress from;

    /** A message could not be handed to the relay; nothing was sent, or nothing is known to be. */
    public static final class MailFailure extends RuntimeException {
        MailFailure(MessagingException cause) {
            // Only the kind of failure: a relay's own message may quote the addresses.
            super(cause.getClass().getSimpleName(), cause, false, false);
        }
    }

    @PostConstruct
    void configure() {
        HarmattanConfig.Mail mail = config.mail();
        String timeout = Long.toString(mail.timeout().toMillis());
        Properties properties = new Properties();
        properties.put("mail.smtp.host", mail.host());
        properties.put("mail.smtp.port", Integer.toString(mail.port()));
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        // TLS when the relay offers it, as a relay on port 587 does; required with credentials.
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", Boolean.toString(mail.username().isPresent()));
        properties.put("mail.smtp.auth", Boolean.toString(mail.username().isPresent()));
        session = Session.getInstance(properties);
        try {
            from = new InternetAddress(mail.from(), true);
        } catch (MessagingException e) {
            throw new IllegalStateException("harmattan.mail.from is not an email address", e);
        }
    }

    /** Sends one plain-text message on a connection of its own; see {@link Connection#send}. */
    public void send(String to, String subject, String text) {
        send(to, null, subject, text);
    }

    /** The same, with the address answers should go to ({@code replyTo}, may be null: the sender's). */
    public void send(String to, String replyTo, String subject, String text) {
        try (Connection connection = open()) {
            connection.send(to, replyTo, subject, text);
        }
    }

    /** A connection to the relay, made on the first message, for the messages of one job. */
    public Connection open() {
        return new Connection();
    }

    public final class Connection implements AutoCloseable {

        private Transport transport;

        private Connection() {
        }

        /** Sends one plain-text message (UTF-8); throws {@link MailFailure} if the relay did not take it. */
        public void send(String to, String subject, String text) {
            send(to, null, subject, text);
        }

        /** The same, with the address answers should go to ({@code replyTo}, may be null: the sender's). */
        public void send(String to, String replyTo, String subject, String text) {
            HarmattanConfig.Mail mail = config.mail();
            if (mail.logOnly()) {
                LOG.infof("Mail not sent (log-only) to %s: %s%n%s", to, subject, text);
                return;
            }
            try {
                MimeMessage message = new MimeMessage(session);
                message.setFrom(from);
                message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
                if (replyTo != null) {
                    message.setReplyTo(new InternetAddress[] {new InternetAddress(replyTo, true)});
                }
                message.setSubject(subject, StandardCharsets.UTF_8.name());
                message.setText(text, StandardCharsets.UTF_8.name());
                message.setSentDate(new Date());
                message.saveChanges();
                if (transport == null) {
                    transport = session.getTransport("smtp");
                    transport.connect(mail.username().orElse(null), mail.password().orElse(null));
                }
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                throw new MailFailure(e);
            }
        }

        /** Says goodbye to the relay; what was sent is sent whatever the relay answers to that. */
        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    LOG.debugf("Relay did not answer QUIT: %s", e.getClass().getSimpleName());
                }
            }
        }
    }
}
