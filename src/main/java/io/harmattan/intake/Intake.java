package io.harmattan.intake;

import io.harmattan.HarmattanConfig;
import io.harmattan.audit.AuditEvent;
import io.harmattan.lead.Lead;
import io.harmattan.lead.LeadMail;
import io.harmattan.lead.LeadSearchText;
import io.harmattan.lead.LeadStatus;
import io.harmattan.lead.LeadTags;
import io.harmattan.lead.OrganisationKey;
import io.harmattan.lead.SpamReason;
import io.harmattan.reference.AdvisoryService;
import io.harmattan.security.Keys;
import io.harmattan.reference.Country;
import io.harmattan.reference.ReferenceEntry;
import io.harmattan.reference.Sector;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import io.harmattan.web.Unavailable;
import io.harmattan.web.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
    private static boolean knownCodes(InterestForm form) {
        return form.sectorsOrEmpty().stream().allMatch(code -> code != null && Sector.findByIdOptional(code).isPresent())
                && form.countriesOrEmpty().stream().allMatch(code -> code != null && Country.findByIdOptional(code).isPresent())
                && form.servicesOrEmpty().stream().allMatch(code -> code != null && AdvisoryService.findByIdOptional(code).isPresent());
    }

    /**
     * The codes as the reference tables spell them: the tables' collation lets "ml" through the check,
     * and the matcher, the fit score and the reports compare codes exactly.
     */
    private static List<String> canonical(List<String> codes, List<? extends ReferenceEntry> known) {
        return codes.stream().map(code -> known.stream().map(entry -> entry.code).filter(code::equalsIgnoreCase).findFirst()
                .orElse(code)).toList();
    }

    /**
     * Where a submission came from, the key that makes a resubmission find it again, and what the
     * channel knows of its sender: the form's hidden field and how long the form was open (an API
     * call has neither).
     */
    public record Origin(String source, String formTokenId, String idempotencyKey, String clientKey, String honeypot,
            Duration fillTime) {

        public static Origin form(String tokenId, String clientKey, String honeypot, Duration fillTime) {
            return new Origin("form", tokenId, null, clientKey, honeypot, fillTime);
        }

        public static Origin api(String idempotencyKey, String clientKey) {
            return new Origin("api", null, idempotencyKey, clientKey, null, null);
        }
    }

    /** The language a request is answered in, checked like any other field. */
    record Language(@NotNull(message = "{intake.language.invalid}")
            @Pattern(regexp = "en|fr", message = "{intake.language.invalid}") String code) {
    }

    @Inject
    HarmattanConfig config;

    /**
     * How long this sender must wait, if they have sent too many requests in the last hour from
     * this email or this client (the form's client address, or the API's key). Counted in the database, so the limit holds across instances.
     */
    private Optional<Duration> retryAfter(String email, Origin origin, Instant now) {
        String clientKey = origin.clientKey();
        int clientLimit = "api".equals(origin.source()) ? config.intake().maxPerApiKeyPerHour()
                : config.intake().maxPerClientPerHour();
        Instant since = now.minus(Duration.ofHours(1));
        List<Recent> over = new ArrayList<>();
        Recent byEmail = recentFromEmail(email, since);
        if (byEmail.count() >= config.intake().maxPerEmailPerHour()) {
            over.add(byEmail);
        }
        Recent byClient = recentFromClient(clientKey, since);
        if (byClient.count() >= clientLimit) {
            over.add(byClient);
        }
        return over.stream().map(recent -> Duration.between(now, recent.oldest().plus(Duration.ofHours(1))))
                .map(wait -> wait.isNegative() ? Duration.ofSeconds(1) : wait)
                .max(Comparator.naturalOrder());
    }

    /** How many leads came from this email, or this client, since the given time, and the oldest of them. */
    private record Recent(long count, Instant oldest) {
    }

    private static Recent recentFromEmail(String email, Instant since) {
        return recent("l.email = ?1", email, since);
    }

    private static Recent recentFromClient(String clientKey, Instant since) {
        return recent("l.clientKey = ?1", clientKey, since);
    }

    private static Recent recent(String who, String value, Instant since) {
        Object[] row = Lead.getEntityManager().createQuery("select count(l), min(l.submittedAt) from Lead l where " + who
                + " and l.submittedAt > ?2", Object[].class).setParameter(1, value).setParameter(2, since).getSingleResult();
        return new Recent((Long) row[0], (Instant) row[1]);
    }

    /** A keyed hash of the client's address: enough to count its requests, useless to identify it. */
    public String clientKey(String address) {
        return HexFormat.of().formatHex(clientKeys.sign(address), 0, 16);
    }

    private Keys.Hmac clientKeys;

    @PostConstruct
    void deriveKeys() {
        clientKeys = Keys.hmac(config.formSecret(), Keys.Purpose.CLIENT_ADDRESS);
    }

    @Inject
    LeadMail leadMail;

    @Inject
    Validator validator;

    /** What became of a submission. */
    public sealed interface Result permits Accepted, Invalid, Limited {
    }

    /** The sender gets a reference: stored now, held in quarantine (the sender is not told), or stored before. */
    public sealed interface Accepted extends Result permits Stored, Quarantined, Replayed {
        String reference();
    }

    public record Stored(String reference) implements Accepted {
    }

    public record Quarantined(String reference) implements Accepted {
    }

    /** The same form token or Idempotency-Key was accepted before: nothing new is stored. */
    public record Replayed(String reference) implements Accepted {
    }

    /** Nothing stored: the message of each invalid field, or a code that is not offered. */
    public record Invalid(Map<String, String> fields, boolean unknownChoice) implements Result {
    }

    /** Over the hourly limit: nothing stored; the sender may try again after {@code retryAfter}. */
    public record Limited(Duration retryAfter) implements Result {
    }

    /**
     * Accepting a request for interest, whichever channel brought it: validation, replay, spam
     * checks, rate limit and the insert, in that order. A resubmission finds the first one, even
     * with a body that would no longer be valid. The lead, its reference and its audit event
     * commit in one transaction, and only then is anything acknowledged; the mail goes out after
     * the commit, on another thread, so the sender never waits for the mail server. When the same
     * form or Idempotency-Key arrives twice at once, the unique key lets one insert win and the
     * other call answers with the winner's reference.
     */
    public Result submit(InterestForm submitted, String language, Origin origin, Instant now) {
        Result result = decide(submitted, language, origin, now);
        // Prometheus: harmattan_leads_total{source, outcome}; invalid and limited are the refused.
        String outcome = result instanceof Stored ? "stored" : result instanceof Quarantined ? "quarantined"
                : result instanceof Replayed ? "replayed" : result instanceof Invalid ? "invalid" : "limited";
        registry.counter("harmattan.leads", "source", origin.source(), "outcome", outcome).increment();
        return result;
    }

    @Inject
    MeterRegistry registry;

    private Result decide(InterestForm submitted, String language, Origin origin, Instant now) {
        InterestForm form = submitted.withoutBidiControls();
        Map<String, String> fields = validate(form, language);
        boolean unknownChoice = fields.isEmpty() && !knownCodes(form);
        if (!fields.isEmpty() || unknownChoice) {
            return referenceOf(origin).<Result>map(Replayed::new).orElseGet(() -> new Invalid(fields, unknownChoice));
        }
        Optional<SpamReason.Signal> spam = SpamCheck.reason(origin.honeypot(), origin.fillTime(), form.needs(), form.name(),
                form.organisation(), form.jobTitle());
        long[] stored = {0};
        Instant claim = LeadMail.newClaim(now);
        Result result;
        try {
            result = QuarkusTransaction.requiringNew().call(() -> {
                Optional<String> earlier = findReference(origin);
                if (earlier.isPresent()) {
                    return new Replayed(earlier.get());
                }
                Optional<Duration> wait = retryAfter(normalisedEmail(form.email()), origin, now);
                if (wait.isPresent()) {
                    return new Limited(wait.get());
                }
                Lead lead = store(form, origin, language, spam, now);
                if (spam.isEmpty()) {
                    // Born claimed by this instance's sender, which gets it right after the commit.
                    lead.mailClaimedUntil = claim;
                    stored[0] = lead.id;
                }
                return spam.isPresent() ? new Quarantined(lead.reference) : new Stored(lead.reference);
            });
        } catch (RuntimeException raced) {
            if (Unavailable.isCause(raced)) {
                // The database is away or locked: asking it again would only double the wait.
                throw raced;
            }
            return new Replayed(referenceOf(origin).orElseThrow(() -> raced));
        }
        if (stored[0] != 0) {
            leadMail.enqueueClaimed(stored[0], claim);
        }
        return result;
    }

    /** Field name to message, in the validator's locale (the request's). */
    private Map<String, String> validate(InterestForm form, String language) {
        Map<String, String> fields = new TreeMap<>(Violations.byField(validator.validate(form)));
        for (ConstraintViolation<?> violation : validator.validate(new Language(language))) {
            fields.putIfAbsent("language", violation.getMessage());
        }
        return fields;
    }

    /** The reference of the lead already stored under this form token or Idempotency-Key. */
    Optional<String> referenceOf(Origin origin) {
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
        lead.sectors.addAll(canonical(form.sectorsOrEmpty(), Sector.ordered()));
        lead.countries.addAll(canonical(form.countriesOrEmpty(), Country.ordered()));
        lead.services.addAll(canonical(form.servicesOrEmpty(), AdvisoryService.ordered()));
        spamReason.ifPresent(lead::quarantine);
        lead.duplicateOf = Lead.firstFrom(lead.email, lead.organisationKey).orElse(null);
        lead.fitScore = LeadTags.of(lead).fit(lead).total();
        lead.persistAndFlush();
        lead.reference = Lead.referenceFor(lead.id, now);
        LeadSearchText.refresh(lead.id);
        AuditEvent.record("prospect", "lead.submitted", "lead", lead.id, "source=" + lead.source + " status=" + lead.status.code()
                + spamReason.map(signal -> " reason=" + signal.reason().code()).orElse("")
                + (lead.duplicateOf == null ? "" : " duplicate-of=" + lead.duplicateOf));
        return lead;
    }

}
