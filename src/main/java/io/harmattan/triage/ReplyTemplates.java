package io.harmattan.triage;

import io.harmattan.HarmattanConfig;
import io.harmattan.persistence.CodedEnum;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The replies a consultant starts from on a lead's page, written in the prospect's language
 * (whatever the consultant reads the console in), with the prospect's, the consultant's and the
 * firm's names filled in. The consultant edits the draft before sending it.
 */
@ApplicationScoped
public class ReplyTemplates {

    public enum Template {
        ACKNOWLEDGE, DETAILS, CALL;

        public String code() {
            return CodedEnum.code(this);
        }

        public static Optional<Template> of(String code) {
            return CodedEnum.of(Template.class, code);
        }
    }

    /** A reply as the form shows it: the template it came from (null when typed), its subject and text. */
    public record Draft(String template, String subject, String body) {
    }

    public static final List<String> CODES = List.of(Template.values()).stream().map(Template::code).toList();

    @Inject
    HarmattanConfig config;

    public Draft draft(Template template, String language, String prospect, String reference, String consultant) {
        WorkMessages texts = MessageBundles.get(WorkMessages.class, Localized.Literal.of("fr".equals(language) ? "fr" : "en"));
        return new Draft(template.code(), texts.reply_template_subject(template.code(), reference),
                texts.reply_template_body(template.code(), prospect, consultant, config.firmName(), reference));
    }
}
