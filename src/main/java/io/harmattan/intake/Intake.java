package io.harmattan.intake;

import io.harmattan.HarmattanConfig;
import io.harmattan.audit.AuditEvent;
import io.harmattan.lead.Lead;
import io.harmattan.lead.LeadMail;
import io.harmattan.lead.LeadStatus;
import io.harmattan.lead.LeadTags;
import io.harmattan.lead.OrganisationKey;
import io.harmattan.lead.SpamReason;
import io.harmattan.reference.AdvisoryService;
import io.harmattan.reference.Country;
import io.harmattan.reference.Sector;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Accepting a request for interest, from the form or the API: the lead, its reference and its
 * audit event commit together or not at all, and only then is anything acknowledged.
 */
@ApplicationScoped
public class Intake {

    /** The version of the processing-consent text shown on the form (messages intake_privacy_*). */
    public static final String CONSENT_VERSION = "2026-11";

    /** Codes the form may send, checked against the reference tables rather than trusted. */
    boolean knownCodes(InterestForm form) {
        return form.sectorsOrEmpty().stream().allMatch(code -> code != null && Sector.findByIdOptional(code).isPresent())
                && form.countriesOrEmpty().stream().allMatch(code -> code != null && Country.findByIdOptional(code).isPresent())
                && form.servicesOrEmpty().stream().allMatch(code -> code != null && AdvisoryService.findByIdOptional(code).isPresent());
    }

    /** Where a submission came from, and the key that makes a resubmission find it again. */
    public record Origin(String source, String formTokenId, String idempotencyKey, String clientKey) {

        public static Origin form(String tokenId, String clientKey) {
            return new Origin("form", tokenId, null, clientKey);
        }

        public static Origin api(String idempotencyKey, String clientKey) {
            return new Origin("api", null, idempotencyKey, clientKey);
        }
    }

    @Inject
    HarmattanConfig config;

    /**
     * How long this sender must wait, if they have sent too many requests in the last hour from
     * this email or this client. Counted in the database, so the limit holds across instances.
     */
    private Optional<Duration> retryAfter(String email, String clientKey, Instant now) {
        Instant since = now.minus(Duration.ofHours(1));
        List<Lead.Recent> over = new ArrayList<>();
        Lead.Recent byEmail = Lead.recentFromEmail(email, since);
        if (byEmail.count() >= config.intake().maxPerEmailPerHour()) {
            over.add(byEmail);
        }
        Lead.Recent byClient = Lead.recentFromClient(clientKey, since);
        if (byClient.count() >= config.intake().maxPerClientPerHour()) {
            over.add(byClient);
        }
        return over.stream().map(recent -> Duration.between(now, recent.oldest().plus(Duration.ofHours(1))))
                .map(wait -> wait.isNegative() ? Duration.ofSeconds(1) : wait)
                .max(Comparator.naturalOrder());
    }

    /** A keyed hash of the client's address: enough to count its requests, useless to identify it. */
    public String clientKey(String address) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(config.formSecret().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "HmacSHA256"));
            byte[] hash = mac.doFinal(("client:" + address).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Inject
    LeadMail leadMail;


    /** What became of a valid submission. */
    public sealed interface Outcome {
    }

    /** Stored now ({@code newLeadId} set), or earlier under the same form token or Idempotency-Key. */
    public record Stored(String reference, Long newLeadId) implements Outcome {
    }

    /** Over the hourly limit: nothing stored; the sender may try again after {@code retryAfter}. */
    public record Limited(Duration retryAfter) implements Outcome {
    }

    /**
     * Stores a valid submission and returns its reference, in one transaction: a resubmission
     * finds the first one, a sender over the hourly limit gets how long to wait, anyone else gets
     * a new lead. The acknowledgement goes out after the commit, on another thread, so the visitor
     * never waits for the mail server. When the same form or Idempotency-Key arrives twice at
     * once, the unique key lets one insert win and the other call answers with the winner's
     * reference.
     */
    public Outcome accept(InterestForm form, Origin origin, String language, Optional<SpamReason.Signal> spamReason, Instant now) {
        Outcome outcome;
        try {
            outcome = QuarkusTransaction.requiringNew().call(() -> {
                Optional<String> earlier = findReference(origin);
                if (earlier.isPresent()) {
                    return new Stored(earlier.get(), null);
                }
                Optional<Duration> wait = retryAfter(normalisedEmail(form.email()), origin.clientKey(), now);
                if (wait.isPresent()) {
                    return new Limited(wait.get());
                }
                Lead lead = store(form, origin, language, spamReason, now);
                return new Stored(lead.reference, lead.id);
            });
        } catch (RuntimeException raced) {
            return new Stored(referenceOf(origin).orElseThrow(() -> raced), null);
        }
        if (outcome instanceof Stored stored && stored.newLeadId() != null) {
            leadMail.enqueue(stored.newLeadId());
        }
        return outcome;
    }

    /** The reference of the lead already stored under this form token or Idempotency-Key. */
    public Optional<String> referenceOf(Origin origin) {
        if (origin.formTokenId() == null && origin.idempotencyKey() == null) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> findReference(origin));
    }

    private static Optional<String> findReference(Origin origin) {
        if (origin.formTokenId() != null) {
            return Lead.byFormToken(origin.formTokenId()).map(lead -> lead.reference);
        }
        if (origin.idempotencyKey() != null) {
            return Lead.byIdempotencyKey(origin.idempotencyKey()).map(lead -> lead.reference);
        }
        return Optional.empty();
    }

    private static String normalisedEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private Lead store(InterestForm form, Origin origin, String language, Optional<SpamReason.Signal> spamReason, Instant now) {
        Lead lead = new Lead();
        lead.formToken = origin.formTokenId();
        lead.idempotencyKey = origin.idempotencyKey();
        lead.clientKey = origin.clientKey();
        lead.status = LeadStatus.NEW;
        lead.source = origin.source();
        lead.name = form.name().strip();
        lead.email = normalisedEmail(form.email());
        lead.organisation = form.organisation().strip();
        lead.organisationKey = OrganisationKey.of(lead.organisation);
        lead.jobTitle = form.jobTitle().strip();
        lead.phone = form.phone() == null || form.phone().isBlank() ? null : form.phone().strip();
        lead.timeframe = form.timeframe();
        lead.needs = form.needs().strip();
        lead.language = language;
        lead.consentVersion = CONSENT_VERSION;
        lead.consentLanguage = language;
        lead.consentAt = now;
        lead.marketingOptIn = form.marketingOptIn();
        lead.submittedAt = now;
        lead.sectors.addAll(form.sectorsOrEmpty());
        lead.countries.addAll(form.countriesOrEmpty());
        lead.services.addAll(form.servicesOrEmpty());
        spamReason.ifPresent(lead::quarantine);
        lead.duplicateOf = Lead.firstFrom(lead.email, lead.organisationKey).orElse(null);
        lead.fitScore = LeadTags.of(lead).fit(lead).total();
        lead.persistAndFlush();
        lead.reference = Lead.referenceFor(lead.id, now);
        AuditEvent.record("prospect", "lead.submitted", "lead", lead.id, "source=" + lead.source + " status=" + lead.status.code()
                + spamReason.map(signal -> " reason=" + signal.reason().code()).orElse("")
                + (lead.duplicateOf == null ? "" : " duplicate-of=" + lead.duplicateOf));
        return lead;
    }

}
