package org.huizong.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names an office knows: campaigns, metrics, measures, problem sources, units and the
 * names of table headers, each with its aliases. Immutable once loaded.
 */
public final class Catalog {

	private final NameIndex<String> campaigns;

	private volatile List<Map.Entry<String, String>> campaignSpellings;

	private final NameIndex<Metric> metrics;

	private final NameIndex<MeasureAlias> measures;

	private final NameIndex<String> sources;

	private final NameIndex<String> units;

	private final NameIndex<HeaderRole> headers;

	private final List<String> roster;

	private final List<Metric> metricList;

	private final List<String> campaignList;

	private final List<String> sourceList;

	Catalog(NameIndex<String> campaigns, NameIndex<Metric> metrics, NameIndex<MeasureAlias> measures,
			NameIndex<String> sources, NameIndex<String> units, NameIndex<HeaderRole> headers,
			List<Map.Entry<String, String>> campaignSpellings, List<String> roster, List<Metric> metricList,
			List<String> campaignList, List<String> sourceList) {
		this.sourceList = List.copyOf(sourceList);
		this.roster = List.copyOf(roster);
		this.campaignList = List.copyOf(campaignList);
		this.metricList = List.copyOf(metricList);
		this.campaigns = campaigns;
		this.metrics = metrics;
		this.measures = measures;
		this.sources = sources;
		this.units = units;
		this.headers = headers;
		this.campaignSpellings = longestFirst(campaignSpellings);
	}

	private static List<Map.Entry<String, String>> longestFirst(List<Map.Entry<String, String>> spellings) {
		List<Map.Entry<String, String>> longestFirst = new ArrayList<>(spellings);
		longestFirst.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
		return List.copyOf(longestFirst);
	}

	/** The problem sources by canonical name, in the order of {@code sources.csv}. */
	public List<String> sources() {
		return this.sourceList;
	}

	/**
	 * Takes {@code alias} as a spelling of {@code canonical}, a campaign, metric or
	 * source, from now on: for an office mapping a name while the console runs. The
	 * catalog's files are written by {@link CatalogLoader#addAlias}.
	 * @throws IllegalArgumentException where {@code canonical} is no such name
	 */
	public synchronized void learn(String kind, String alias, String canonical) {
		switch (kind) {
			case "campaign" -> {
				require(this.campaignList.contains(canonical), kind, canonical);
				this.campaigns.put(alias, canonical);
				List<Map.Entry<String, String>> spellings = new ArrayList<>(this.campaignSpellings);
				spellings.add(new java.util.AbstractMap.SimpleImmutableEntry<>(Names.fold(alias), canonical));
				this.campaignSpellings = longestFirst(spellings);
			}
			case "metric" -> {
				Metric metric = this.metricList.stream()
					.filter((m) -> m.name().equals(canonical))
					.findFirst()
					.orElse(null);
				require(metric != null, kind, canonical);
				this.metrics.put(alias, metric);
			}
			case "source" -> {
				require(this.sourceList.contains(canonical), kind, canonical);
				this.sources.put(alias, canonical);
			}
			default -> throw new IllegalArgumentException("只能映射专项、指标或问题来源的名称：" + kind);
		}
	}

	private static void require(boolean known, String kind, String canonical) {
		if (!known) {
			throw new IllegalArgumentException("目录中没有这个" + Names.kindLabel(kind) + "：" + canonical);
		}
	}

	/** The campaigns by canonical name, in the order of {@code campaigns.csv}. */
	public List<String> campaigns() {
		return this.campaignList;
	}

	/** The metrics, in the order of {@code metrics.csv}. */
	public List<Metric> metrics() {
		return this.metricList;
	}

	/**
	 * The metrics whose figures do not add up over time (stocks): a longer period takes
	 * their latest figure.
	 */
	public List<String> stockMetrics() {
		return this.metricList.stream().filter((m) -> !m.additive() && !m.isRate()).map(Metric::name).toList();
	}

	/** The units of the roster, by canonical name, in the order of {@code units.csv}. */
	public List<String> roster() {
		return this.roster;
	}

	public Optional<String> campaign(String raw) {
		return this.campaigns.find(raw).or(() -> withoutTrailingBracket(raw, this.campaigns));
	}

	/**
	 * The campaign whose name or alias stands anywhere in a title, a section row or a
	 * sheet name.
	 */
	public Optional<String> campaignWithin(String text) {
		if (text.length() > 10 * Names.MAX_NAME_LENGTH) {
			return Optional.empty();
		}
		String folded = Names.fold(text);
		for (Map.Entry<String, String> spelling : this.campaignSpellings) {
			if (folded.contains(spelling.getKey())) {
				return Optional.of(spelling.getValue());
			}
		}
		return Optional.empty();
	}

	public Optional<MetricMatch> metric(String raw) {
		if (raw.length() > Names.MAX_NAME_LENGTH) {
			return Optional.empty();
		}
		String folded = Names.fold(raw);
		Optional<Metric> exact = this.metrics.findFolded(folded);
		if (exact.isPresent()) {
			return Optional.of(new MetricMatch(exact.get(), ""));
		}
		String[] split = Names.splitTrailingBracket(folded);
		if (split != null) {
			return this.metrics.findFolded(split[0]).map((metric) -> new MetricMatch(metric, split[1]));
		}
		return Optional.empty();
	}

	public Optional<MeasureAlias> measure(String raw) {
		return this.measures.find(raw);
	}

	public Optional<String> source(String raw) {
		return this.sources.find(raw).or(() -> withoutTrailingBracket(raw, this.sources));
	}

	public Optional<String> unit(String raw) {
		return this.units.find(raw);
	}

	public Optional<HeaderRole> headerRole(String raw) {
		if (raw.length() > Names.MAX_NAME_LENGTH) {
			return Optional.empty();
		}
		String folded = Names.fold(raw);
		Optional<HeaderRole> exact = this.headers.findFolded(folded);
		if (exact.isPresent()) {
			return exact;
		}
		String[] split = Names.splitTrailingBracket(folded);
		return (split != null) ? this.headers.findFolded(split[0]) : Optional.empty();
	}

	private static Optional<String> withoutTrailingBracket(String raw, NameIndex<String> index) {
		if (raw.length() > Names.MAX_NAME_LENGTH) {
			return Optional.empty();
		}
		String[] split = Names.splitTrailingBracket(Names.fold(raw));
		return (split != null) ? index.findFolded(split[0]) : Optional.empty();
	}

	/**
	 * A metric found by name, with the measure its header or cell gave in brackets.
	 *
	 * @param metric the metric
	 * @param measureHint the bracketed measure, folded, or empty
	 */
	public record MetricMatch(Metric metric, String measureHint) {
	}

}
