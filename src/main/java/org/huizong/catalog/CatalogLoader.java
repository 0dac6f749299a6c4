package org.huizong.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the catalog an office edits: {@code campaigns.csv}, {@code metrics.csv},
 * {@code measures.csv}, {@code sources.csv}, {@code units.csv} and {@code headers.csv},
 * UTF-8, aliases separated by {@code |}. A folder that lacks a file takes the copy
 * bundled in the jar.
 */
public final class CatalogLoader {

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.setTrim(true)
		.get();

	private CatalogLoader() {
	}

	/**
	 * The catalog in {@code folder}, or the bundled one where the folder has no such
	 * file.
	 */
	public static Catalog load(Path folder) {
		NameIndex<String> campaigns = new NameIndex<>();
		List<Map.Entry<String, String>> campaignSpellings = new ArrayList<>();
		List<String> campaignList = new ArrayList<>();
		read(folder, "campaigns.csv", (name, aliases) -> {
			campaignList.add(name);
			for (String spelling : concat(name, aliases)) {
				campaigns.put(spelling, name);
				campaignSpellings.add(new AbstractMap.SimpleImmutableEntry<>(Names.fold(spelling), name));
			}
		});
		NameIndex<MeasureAlias> measures = new NameIndex<>();
		forEachRecord(folder, "measures.csv", (record) -> {
			String measure = record.get("measure");
			BigDecimal factor = new BigDecimal(record.get("factor"));
			for (String written : split(record.get("written_as"))) {
				measures.put(written, new MeasureAlias(Names.fold(written), measure, factor));
			}
			measures.put(measure, new MeasureAlias(Names.fold(measure), measure, BigDecimal.ONE));
		});
		NameIndex<Metric> metrics = new NameIndex<>();
		List<Metric> metricList = new ArrayList<>();
		forEachRecord(folder, "metrics.csv", (record) -> {
			Set<String> accepted = new LinkedHashSet<>();
			for (String word : split(record.get("accepted_measures"))) {
				accepted.add(Names.fold(word));
			}
			MetricKind kind = MetricKind.parse(record.get("kind"));
			Metric metric = new Metric(record.get("metric"), record.get("measure"), Set.copyOf(accepted), kind,
					additive(record, kind));
			metricList.add(metric);
			for (String spelling : concat(metric.name(), split(record.get("aliases")))) {
				metrics.put(spelling, metric);
			}
		});
		NameIndex<String> sources = new NameIndex<>();
		List<String> sourceList = new ArrayList<>();
		read(folder, "sources.csv", (name, aliases) -> {
			sourceList.add(name);
			concat(name, aliases).forEach((spelling) -> sources.put(spelling, name));
		});
		NameIndex<String> units = new NameIndex<>();
		List<String> roster = new ArrayList<>();
		read(folder, "units.csv", (name, aliases) -> {
			roster.add(name);
			concat(name, aliases).forEach((spelling) -> units.put(spelling, name));
		});
		NameIndex<HeaderRole> headers = new NameIndex<>();
		read(folder, "headers.csv", (role, aliases) -> {
			for (String spelling : aliases) {
				headers.put(spelling, HeaderRole.valueOf(role.toUpperCase(java.util.Locale.ROOT)));
			}
		});
		return new Catalog(campaigns, metrics, measures, sources, units, headers, campaignSpellings, roster, metricList,
				campaignList, sourceList);
	}

	/**
	 * Adds {@code alias} to the aliases of {@code canonical} in the catalog's file for
	 * {@code kind} in {@code folder} (made from the bundled copy where the folder has
	 * none), the file replaced whole; every other row and column kept as it was.
	 * @throws IllegalArgumentException where the file has no row for {@code canonical}
	 */
	public static synchronized void addAlias(Path folder, String kind, String canonical, String alias)
			throws IOException {
		String file = switch (kind) {
			case "campaign" -> "campaigns.csv";
			case "metric" -> "metrics.csv";
			case "source" -> "sources.csv";
			default -> throw new IllegalArgumentException("只能映射专项、指标或问题来源的名称：" + kind);
		};
		List<String> header;
		List<List<String>> rows = new ArrayList<>();
		try (Reader reader = open(folder, file)) {
			org.apache.commons.csv.CSVParser parser = FORMAT.parse(reader);
			header = parser.getHeaderNames();
			for (CSVRecord record : parser) {
				rows.add(new ArrayList<>(record.toList()));
			}
		}
		int aliases = header.indexOf("aliases");
		boolean found = false;
		for (List<String> row : rows) {
			if (row.get(0).equals(canonical)) {
				while (row.size() <= aliases) {
					row.add("");
				}
				List<String> spellings = new ArrayList<>(split(row.get(aliases)));
				if (!spellings.contains(alias)) {
					spellings.add(alias);
				}
				row.set(aliases, String.join("|", spellings));
				found = true;
			}
		}
		if (!found) {
			throw new IllegalArgumentException("目录文件 " + file + " 中没有“" + canonical + "”");
		}
		Files.createDirectories(folder);
		Path temp = Files.createTempFile(folder, file, ".tmp");
		try {
			try (java.io.Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
					org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(writer,
							org.apache.commons.csv.CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
				printer.printRecord(header);
				for (List<String> row : rows) {
					printer.printRecord(row);
				}
			}
			Files.move(temp, folder.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private static void read(Path folder, String file, BiConsumer<String, List<String>> nameAndAliases) {
		forEachRecord(folder, file, (record) -> nameAndAliases.accept(record.get(0), split(record.get(1))));
	}

	/**
	 * Whether a metric adds up over time: its {@code additive} column ({@code yes} or
	 * {@code no}); a catalog written before the column had it says yes for every count
	 * and no for a rate.
	 */
	private static boolean additive(CSVRecord record, MetricKind kind) {
		String written = record.isMapped("additive") && record.isSet("additive")
				? record.get("additive").strip().toLowerCase(java.util.Locale.ROOT) : "";
		return switch (written) {
			case "yes", "是", "true" -> kind != MetricKind.RATE;
			case "no", "否", "false" -> false;
			case "" -> kind != MetricKind.RATE;
			default -> throw new IllegalArgumentException(
					"metrics.csv 中指标“" + record.get("metric") + "”的 additive 应为 yes 或 no，填写的是“" + written + "”");
		};
	}

	private static void forEachRecord(Path folder, String file, java.util.function.Consumer<CSVRecord> action) {
		try (Reader reader = open(folder, file)) {
			for (CSVRecord record : FORMAT.parse(reader)) {
				if (!record.get(0).isBlank()) {
					action.accept(record);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("目录文件 " + file + " 无法读取：" + ex.getMessage(), ex);
		}
	}

	private static Reader open(Path folder, String file) throws IOException {
		Path path = (folder != null) ? folder.resolve(file) : null;
		InputStream in = (path != null && Files.isRegularFile(path)) ? Files.newInputStream(path)
				: CatalogLoader.class.getResourceAsStream("/catalog/" + file);
		if (in == null) {
			throw new IOException("找不到 " + file);
		}
		return new InputStreamReader(new org.apache.commons.io.input.BOMInputStream(in), StandardCharsets.UTF_8);
	}

	private static List<String> split(String aliases) {
		if (aliases == null || aliases.isBlank()) {
			return List.of();
		}
		return Arrays.stream(aliases.split("\\|")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
	}

	private static List<String> concat(String name, List<String> aliases) {
		List<String> all = new ArrayList<>(aliases.size() + 1);
		all.add(name);
		all.addAll(aliases);
		return all;
	}

}
