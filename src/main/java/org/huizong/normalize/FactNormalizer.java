package org.huizong.normalize;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.huizong.catalog.Catalog;
import org.huizong.catalog.Metric;
import org.huizong.catalog.MetricKind;
import org.huizong.catalog.Names;
import org.huizong.intake.CellKind;
import org.huizong.intake.ParsedValue;
import org.huizong.intake.ValueParser;
import org.huizong.table.RawFact;
import org.huizong.issue.Issue;
import org.huizong.issue.IssueCode;
import org.huizong.issue.Severity;
import org.huizong.issue.SeverityPolicy;

/**
 * Turns a {@link RawFact} into a {@link Fact}: canonical names, the number read, the
 * measure converted. A cell that holds no usable number (an Excel error, a date, text) or
 * a measure that cannot be converted is an error and yields no fact; whether a number is
 * plausible is for the checks of {@code validate}.
 */
public final class FactNormalizer {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final int CACHE_LIMIT = 10_000;

	/* What the tables hold: NUMERIC(30, 8). */
	private static final BigDecimal LIMIT = BigDecimal.TEN.pow(22);

	private static final int SCALE = 8;

	private final Catalog catalog;

	private final MeasureConverter converter;

	private final SeverityPolicy policy;

	/* A file repeats a few names on every row: each is looked up once. */
	private final Map<String, Optional<Catalog.MetricMatch>> metrics = new HashMap<>();

	private final Map<String, String> campaigns = new HashMap<>();

	private final Map<String, String> sources = new HashMap<>();

	/* Per metric, per measure written. */
	private final Map<String, Map<String, Optional<BigDecimal>>> factors = new HashMap<>();

	public FactNormalizer(Catalog catalog, SeverityPolicy policy) {
		this.catalog = catalog;
		this.converter = new MeasureConverter(catalog);
		this.policy = policy;
	}

	/**
	 * @param raw the figure as the table gave it
	 * @param facts receives the fact, unless the cell is missing or rejected
	 * @param issues receives every fault found, errors and warnings
	 */
	public void normalize(RawFact raw, Consumer<Fact> facts, Consumer<Issue> issues) {
		String label = raw.metric().isBlank() ? "数值" : raw.metric().strip();
		String text = raw.value().text();
		if (raw.value().kind() == CellKind.ERROR) {
			reject(issues, raw, IssueCode.CELL_EXCEL_ERROR, text);
			return;
		}
		if (raw.value().kind() == CellKind.DATE) {
			reject(issues, raw, IssueCode.CELL_DATE, label, text);
			return;
		}
		if (raw.value().kind() == CellKind.BOOLEAN) {
			reject(issues, raw, IssueCode.VALUE_NOT_A_NUMBER, label, text);
			return;
		}
		if (raw.value().kind() != CellKind.NUMBER && ValueParser.isMissing(text)) {
			return;
		}
		Optional<ParsedValue> parsed = (raw.value().kind() == CellKind.NUMBER)
				? Optional.of(new ParsedValue(new BigDecimal(text), false, "")) : ValueParser.parse(text);
		if (parsed.isEmpty()) {
			reject(issues, raw, IssueCode.VALUE_NOT_A_NUMBER, label, text);
			return;
		}
		BigDecimal amount = parsed.get().amount();
		String written = parsed.get().measure().isEmpty() ? Names.fold(raw.measure()) : parsed.get().measure();
		if (written.length() > 1 && written.startsWith("万")) {
			amount = amount.multiply(BigDecimal.valueOf(10_000));
			written = written.substring(1);
		}
		Optional<Catalog.MetricMatch> match = this.metrics.get(raw.metric());
		if (match == null) {
			match = remember(this.metrics, raw.metric(), this.catalog.metric(raw.metric()));
		}
		if (written.isEmpty() && match.isPresent()) {
			written = match.get().measureHint();
		}
		String campaign = this.campaigns.get(raw.campaign());
		if (campaign == null) {
			campaign = remember(this.campaigns, raw.campaign(), this.catalog.campaign(raw.campaign()).orElse(""));
		}
		String source = raw.source().isBlank() ? "" : this.sources.get(raw.source());
		if (source == null) {
			source = remember(this.sources, raw.source(), this.catalog.source(raw.source()).orElse(""));
		}
		if (amount.abs().compareTo(LIMIT) >= 0) {
			reject(issues, raw, IssueCode.VALUE_OUT_OF_RANGE, label, text);
			return;
		}
		amount = stored(amount);
		if (match.isEmpty()) {
			facts.accept(new Fact(raw, campaign, "", source, MetricKind.WORK, amount, written, amount, written,
					parsed.get().approx()));
			return;
		}
		Metric metric = match.get().metric();
		Map<String, Optional<BigDecimal>> factors = this.factors.get(metric.name());
		if (factors == null) {
			factors = remember(this.factors, metric.name(), new HashMap<>());
		}
		Optional<BigDecimal> factor = factors.get(written);
		if (factor == null) {
			factor = remember(factors, written, this.converter.factor(metric, written));
		}
		if (factor.isEmpty()) {
			reject(issues, raw, IssueCode.MEASURE_INCOMPATIBLE, metric.name(), written, metric.measure());
			return;
		}
		BigDecimal value = amount.multiply(factor.get());
		if (metric.isRate() && !"%".equals(written) && value.abs().compareTo(BigDecimal.ONE) <= 0) {
			value = value.multiply(HUNDRED);
		}
		if (value.abs().compareTo(LIMIT) >= 0) {
			reject(issues, raw, IssueCode.VALUE_OUT_OF_RANGE, label, text);
			return;
		}
		value = stored(value);
		facts.accept(new Fact(raw, campaign, metric.name(), source, metric.kind(), amount, written,
				value.stripTrailingZeros(), metric.measure(), parsed.get().approx()));
	}

	/** A number as the tables keep it: at most 8 decimals, rounded half up. */
	private static BigDecimal stored(BigDecimal number) {
		return (number.scale() > SCALE) ? number.setScale(SCALE, java.math.RoundingMode.HALF_UP) : number;
	}

	/**
	 * Keeps what a name was looked up as. Each cache is read first where it is used: a
	 * lookup passed in as a lambda would be made again on every figure.
	 */
	private static <T> T remember(Map<String, T> cache, String key, T value) {
		if (cache.size() >= CACHE_LIMIT) {
			cache.clear();
		}
		cache.put(key, value);
		return value;
	}

	/**
	 * Reports a fault; whether the office's policy makes it an error that keeps the cell
	 * out.
	 */
	private boolean reject(Consumer<Issue> issues, RawFact raw, IssueCode code, Object... args) {
		Issue issue = this.policy.issue(code, raw.sheet(), raw.cell(), args);
		if (issue.severity() != Severity.IGNORE) {
			issues.accept(issue);
		}
		return issue.severity() == Severity.ERROR;
	}

}
