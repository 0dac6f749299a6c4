package org.huizong.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.huizong.catalog.Catalog;
import org.huizong.catalog.CatalogLoader;
import org.huizong.catalog.Metric;
import org.huizong.catalog.Names;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 目录: the names the catalog does not know, with the closest known names; mapping one adds
 * it as an alias in the catalog's file, is recorded, and counts from the next run (which
 * maps the figures already loaded, without reading their files again).
 */
@Controller
@Profile("web")
public class CatalogPage {

	/** A name no campaign, metric or source has, where it was seen. */
	public record Unknown(String kind, String kindLabel, String name, int units, int occurrences, String file,
			String cell, String period, List<String> suggestions) {
	}

	private final JdbcTemplate jdbc;

	private final Catalog catalog;

	private final Path folder;

	private final Accounts accounts;

	private final Audit audit;

	CatalogPage(JdbcTemplate jdbc, Catalog catalog, @Value("${huizong.catalog:data/catalog}") String folder,
			Accounts accounts, Audit audit) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.folder = Path.of(folder);
		this.accounts = accounts;
		this.audit = audit;
	}

	@GetMapping("/catalog")
	String page(Authentication authentication, Model model) {
		model.addAttribute("viewer", Viewer.of(authentication, this.accounts));
		model.addAttribute("unknown", unknown());
		model.addAttribute("choices",
				java.util.Map.of("campaign", known("campaign"), "metric", known("metric"), "source", known("source")));
		model.addAttribute("folder", this.folder.toAbsolutePath().normalize().toString());
		return "catalog";
	}

	@PostMapping("/catalog/map")
	String map(@RequestParam String kind, @RequestParam String name, @RequestParam String target,
			Authentication authentication, RedirectAttributes redirect) throws IOException {
		this.catalog.learn(kind, name, target);
		CatalogLoader.addAlias(this.folder, kind, target, name);
		String done = Names.kindLabel(kind) + "“" + name + "”已映射为“" + target + "”，下次运行起计入";
		this.audit.record(authentication.getName(), "映射", "", done);
		redirect.addFlashAttribute("done", done);
		return "redirect:/catalog";
	}

	private List<Unknown> unknown() {
		List<Unknown> unknown = this.jdbc.query(
				"SELECT kind, name, COUNT(DISTINCT unit), SUM(occurrences), MIN(file_name), MIN(first_cell), "
						+ "MAX(period) FROM unmapped_name GROUP BY kind, name ORDER BY kind, name",
				(rs, i) -> new Unknown(rs.getString(1), Names.kindLabel(rs.getString(1)), rs.getString(2), rs.getInt(3),
						rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7),
						suggestions(rs.getString(1), rs.getString(2))));
		return unknown.stream().filter((name) -> !known(name.kind(), name.name())).toList();
	}

	/** Learnt since the last run: shown no more. */
	private boolean known(String kind, String name) {
		return switch (kind) {
			case "campaign" -> this.catalog.campaign(name).isPresent();
			case "metric" -> this.catalog.metric(name).isPresent();
			default -> this.catalog.source(name).isPresent();
		};
	}

	private List<String> known(String kind) {
		return switch (kind) {
			case "campaign" -> this.catalog.campaigns();
			case "metric" -> this.catalog.metrics().stream().map(Metric::name).toList();
			default -> this.catalog.sources();
		};
	}

	/**
	 * The three known names of the kind closest to {@code name}, by shared pairs of
	 * characters.
	 */
	List<String> suggestions(String kind, String name) {
		List<String> known = known(kind);
		String folded = Names.fold(name);
		List<String> ranked = new ArrayList<>(known);
		ranked.sort(Comparator.comparingDouble((String k) -> -similarity(folded, Names.fold(k)))
			.thenComparing(Comparator.naturalOrder()));
		return ranked.subList(0, Math.min(3, ranked.size()));
	}

	/** Dice's coefficient over pairs of characters, single characters for short names. */
	static double similarity(String a, String b) {
		List<String> left = grams(a);
		List<String> right = new ArrayList<>(grams(b));
		if (left.isEmpty() || right.isEmpty()) {
			return 0;
		}
		int shared = 0;
		int total = left.size() + right.size();
		for (String gram : left) {
			if (right.remove(gram)) {
				shared++;
			}
		}
		return 2.0 * shared / total;
	}

	private static List<String> grams(String text) {
		List<String> grams = new ArrayList<>();
		for (int i = 0; i < text.length(); i++) {
			grams.add(text.substring(i, i + 1));
			if (i + 1 < text.length()) {
				grams.add(text.substring(i, i + 2));
			}
		}
		return grams;
	}

}
