package io.harmattan.proposal;

import io.harmattan.reference.Choice;
import io.harmattan.web.Pdf;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The proposal editor as typed: the version's fields and its scope lines (fields named
 * {@code service.3}, {@code quantity.3}...). Kept as text so that a refused form shows exactly what
 * was typed; {@link #check} turns it into values or error codes per field.
 */
public record DraftForm(String title, String summary, String language, String currency, String discount, String vat,
        String paymentTerms, String startDate, String validUntil, List<LineForm> lines) {

    public static final int MAX_LINES = 100;
    static final int MAX_TEXT = 10_000;
    static final int MAX_FIELD = 2000;
    public static final List<String> UNITS = List.of("day", "report", "month", "trip", "session", "lump-sum");
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("10000");
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000000");
    /** What the total's column holds (DECIMAL(18, 2)). */
    private static final BigDecimal MAX_TOTAL = new BigDecimal("9999999999999999.99");

    /** One scope line as typed; blank lines (no service, no text, no price) are dropped. */
    public record LineForm(String service, Set<String> countries, Set<String> sectors, String deliverable, String quantity,
            String unit, String unitPrice) {

        boolean blank() {
            return empty(service) && empty(deliverable) && empty(quantity) && empty(unitPrice);
        }
    }

    /** The version checked: either values to store, or error codes by field name. */
    public record Checked(ProposalVersion values, Map<String, String> errors) {
    }

    public static DraftForm of(MultivaluedMap<String, String> form) {
        List<LineForm> lines = new ArrayList<>();
        for (int i = 0; i < MAX_LINES + 50; i++) {
            String service = form.getFirst("service." + i);
            if (service == null && form.getFirst("deliverable." + i) == null) {
                continue;
            }
            LineForm line = new LineForm(service, set(form.get("countries." + i)), set(form.get("sectors." + i)),
                    form.getFirst("deliverable." + i), form.getFirst("quantity." + i), form.getFirst("unit." + i),
                    form.getFirst("price." + i));
            if (!line.blank()) {
                lines.add(line);
            }
        }
        return new DraftForm(form.getFirst("title"), form.getFirst("summary"), form.getFirst("language"),
                form.getFirst("currency"), form.getFirst("discount"), form.getFirst("vat"), form.getFirst("paymentTerms"),
                form.getFirst("startDate"), form.getFirst("validUntil"), lines);
    }

    /** The form of a stored version, for the editor. */
    public static DraftForm of(ProposalVersion v) {
        List<LineForm> lines = v.lines.stream().map(l -> new LineForm(l.service, l.countries, l.sectors, l.deliverable,
                l.quantity.stripTrailingZeros().toPlainString(), l.unit, v.currency.round(l.unitPrice).toPlainString()))
                .toList();
        return new DraftForm(v.title, v.summary, v.language, v.currency.code(), plain(v.discountPercent),
                plain(v.vatPercent), v.paymentTerms, v.startDate == null ? "" : v.startDate.toString(),
                v.validUntil.toString(), lines);
    }

    /** Checks every field against the reference data; {@code today} bounds the validity date. */
    public Checked check(List<Choice> services, List<Choice> countries, List<Choice> sectors, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        ProposalVersion v = new ProposalVersion();
        v.title = text(title, 200, "title", true, errors);
        v.summary = text(summary, MAX_TEXT, "summary", false, errors);
        v.paymentTerms = text(paymentTerms, MAX_FIELD, "paymentTerms", false, errors);
        v.language = "fr".equals(language) ? "fr" : "en";
        v.currency = Currency.ofCode(currency).orElse(null);
        if (v.currency == null) {
            errors.put("currency", "choose");
        }
        v.discountPercent = percent(discount, "discount", errors);
        v.vatPercent = percent(vat, "vat", errors);
        v.startDate = date(startDate, "startDate", false, errors);
        v.validUntil = date(validUntil, "validUntil", true, errors);
        if (v.validUntil != null && v.validUntil.isBefore(today)) {
            errors.put("validUntil", "past");
        }
        if (lines.isEmpty()) {
            errors.put("lines", "none");
        }
        if (lines.size() > MAX_LINES) {
            errors.put("lines", "too-many");
        }
        Set<String> serviceCodes = codes(services);
        Set<String> countryCodes = codes(countries);
        Set<String> sectorCodes = codes(sectors);
        for (int i = 0; i < lines.size() && i < MAX_LINES; i++) {
            LineForm line = lines.get(i);
            ProposalLine stored = new ProposalLine();
            if (empty(line.service()) || !serviceCodes.contains(line.service())) {
                errors.put("service." + i, "choose");
            }
            stored.service = line.service();
            stored.countries = new LinkedHashSet<>(line.countries().stream().filter(countryCodes::contains).toList());
            stored.sectors = new LinkedHashSet<>(line.sectors().stream().filter(sectorCodes::contains).toList());
            stored.deliverable = text(line.deliverable(), MAX_FIELD, "deliverable." + i, true, errors);
            stored.quantity = number(line.quantity(), "quantity." + i, new BigDecimal("0.01"), MAX_QUANTITY, errors);
            stored.unit = line.unit() != null && UNITS.contains(line.unit()) ? line.unit() : null;
            if (stored.unit == null) {
                errors.put("unit." + i, "choose");
            }
            stored.unitPrice = number(line.unitPrice(), "price." + i, BigDecimal.ZERO, MAX_PRICE, errors);
            if (stored.unitPrice != null && v.currency != null && v.currency.scale() == 0
                    && stored.unitPrice.stripTrailingZeros().scale() > 0) {
                errors.put("price." + i, "whole-francs");
            }
            v.lines.add(stored);
        }
        if (errors.isEmpty() && v.totals().total().compareTo(MAX_TOTAL) > 0) {
            errors.put("lines", "too-large");
        }
        return new Checked(errors.isEmpty() ? v : null, errors);
    }

    /** The lines to show in the editor: those typed, then blank ones to add more without scripts. */
    public List<LineForm> editorLines(int blanks) {
        List<LineForm> shown = new ArrayList<>(lines);
        for (int i = 0; i < blanks && shown.size() < MAX_LINES; i++) {
            shown.add(new LineForm("", Set.of(), Set.of(), "", "", "day", ""));
        }
        return shown;
    }

    private static String text(String value, int max, String field, boolean required, Map<String, String> errors) {
        String text = value == null ? "" : Pdf.printable(value).strip();
        if (required && text.isEmpty()) {
            errors.put(field, "required");
        } else if (text.length() > max) {
            errors.put(field, "too-long");
        }
        return text;
    }

    private static BigDecimal percent(String value, String field, Map<String, String> errors) {
        if (empty(value)) {
            return null;
        }
        return number(value, field, BigDecimal.ZERO, new BigDecimal("100"), errors);
    }

    private static BigDecimal number(String value, String field, BigDecimal min, BigDecimal max, Map<String, String> errors) {
        if (empty(value)) {
            errors.put(field, "required");
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.strip().replace('\u202F', ' ').replace(" ", "").replace(',', '.'));
            if (number.compareTo(min) < 0 || number.compareTo(max) > 0 || number.stripTrailingZeros().scale() > 2) {
                errors.put(field, "out-of-range");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            errors.put(field, "not-a-number");
            return null;
        }
    }

    private static LocalDate date(String value, String field, boolean required, Map<String, String> errors) {
        if (empty(value)) {
            if (required) {
                errors.put(field, "required");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "not-a-date");
            return null;
        }
    }

    private static Set<String> codes(List<Choice> choices) {
        Set<String> codes = new LinkedHashSet<>();
        choices.forEach(choice -> codes.add(choice.code()));
        return codes;
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }

    private static boolean empty(String value) {
        return value == null || value.isBlank();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
