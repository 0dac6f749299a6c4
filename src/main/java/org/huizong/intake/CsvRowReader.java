package org.huizong.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file as one sheet without a name, one row a record. The encoding is decided
 * strictly first ({@link TextEncoding}); the delimiter is a comma, or a tab where the
 * first line has more tabs than commas (Excel's "Unicode text").
 */
final class CsvRowReader implements SubmissionReader {

	private final Path file;

	private final TextEncoding encoding;

	private final ReadLimits limits;

	CsvRowReader(Path file, TextEncoding encoding, ReadLimits limits) {
		this.file = file;
		this.encoding = encoding;
		this.limits = limits;
	}

	@Override
	public SubmissionFormat format() {
		return SubmissionFormat.CSV;
	}

	@Override
	public String encoding() {
		return this.encoding.label();
	}

	@Override
	public void read(RowSink sink) throws IOException {
		char delimiter = delimiter();
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setDelimiter(delimiter)
			.setIgnoreEmptyLines(false)
			.setIgnoreSurroundingSpaces(true)
			.setAllowMissingColumnNames(true)
			.setLenientEof(true)
			.setTrailingData(true)
			.get();
		sink.startSheet("");
		try (Reader reader = open(); CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
			for (CSVRecord record : parser) {
				List<Cell> cells = new ArrayList<>();
				if (record.getRecordNumber() > this.limits.maxRowsPerSheet()) {
					throw RejectionReason.CSV_TOO_MANY_ROWS.rejection(this.limits.maxRowsPerSheet());
				}
				for (int i = 0; i < Math.min(record.size(), this.limits.maxColumns()); i++) {
					String value = record.get(i).strip();
					if (!value.isEmpty()) {
						cells.add(Cell.text(i, this.limits.cut(value)));
					}
				}
				sink.row(new Row(Math.toIntExact(record.getRecordNumber()), cells));
			}
		}
		catch (UncheckedIOException ex) {
			if (ex.getCause() instanceof CharacterCodingException) {
				throw RejectionReason.UNDECODABLE.rejection(ex, this.encoding.label());
			}
			throw RejectionReason.CSV.rejection(ex, ex.getMessage());
		}
		catch (IllegalStateException ex) {
			throw RejectionReason.CSV.rejection(ex, ex.getMessage());
		}
		sink.endSheet();
	}

	private Reader open() throws IOException {
		InputStream in = Files.newInputStream(this.file);
		in.skipNBytes(this.encoding.bomLength());
		return new BufferedReader(new InputStreamReader(in, this.encoding.decoder()), 64 * 1024);
	}

	private char delimiter() throws IOException {
		try (BufferedReader reader = new BufferedReader(open())) {
			String first;
			int tabs = 0;
			int commas = 0;
			for (int i = 0; i < 5 && (first = reader.readLine()) != null; i++) {
				tabs += count(first, '\t');
				commas += count(first, ',');
			}
			return (tabs > commas) ? '\t' : ',';
		}
		catch (CharacterCodingException ex) {
			return ',';
		}
	}

	private static int count(String line, char c) {
		int n = 0;
		for (int i = 0; i < line.length(); i++) {
			if (line.charAt(i) == c) {
				n++;
			}
		}
		return n;
	}

}
