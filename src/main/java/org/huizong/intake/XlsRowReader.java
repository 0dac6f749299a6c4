package org.huizong.intake;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.RKRecord;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * Reads a legacy {@code .xls} (BIFF8) workbook with POI's event API: records stream by
 * and rows are handed on as they complete, so memory does not grow with the number of
 * rows (the shared-string table is held, as in every format that has one). Formula cells
 * give their cached result; nothing is evaluated. Date-formatted numbers are dates, in
 * either date system.
 */
final class XlsRowReader implements SubmissionReader {

	private final Path file;

	private final ReadLimits limits;

	XlsRowReader(Path file, ReadLimits limits) {
		this.file = file;
		this.limits = limits;
	}

	@Override
	public SubmissionFormat format() {
		return SubmissionFormat.XLS;
	}

	@Override
	public String encoding() {
		return "";
	}

	@Override
	public void read(RowSink sink) throws IOException {
		try (POIFSFileSystem fs = new POIFSFileSystem(this.file.toFile(), true)) {
			Listener listener = new Listener(sink, this.limits);
			FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(listener);
			listener.formats = formats;
			HSSFRequest request = new HSSFRequest();
			request.addListenerForAllRecords(formats);
			new HSSFEventFactory().processWorkbookEvents(request, fs);
			listener.finish();
		}
		catch (EncryptedDocumentException ex) {
			throw RejectionReason.ENCRYPTED.rejection(ex);
		}
	}

	/** Turns the record stream into sheets and rows. */
	private static final class Listener implements HSSFListener {

		private final RowSink sink;

		private final ReadLimits limits;

		private final List<String> sheetNames = new ArrayList<>();

		private final Deque<Integer> substreams = new ArrayDeque<>();

		private FormatTrackingHSSFListener formats;

		private SSTRecord strings;

		private boolean date1904;

		private int sheetIndex = -1;

		private boolean inSheet;

		private int rowIndex = -1;

		private int rowsRead;

		private List<Cell> cells = new ArrayList<>();

		private FormulaRecord pendingString;

		Listener(RowSink sink, ReadLimits limits) {
			this.sink = sink;
			this.limits = limits;
		}

		@Override
		public void processRecord(org.apache.poi.hssf.record.Record record) {
			if (record instanceof BoundSheetRecord sheet) {
				this.sheetNames.add(sheet.getSheetname());
			}
			else if (record instanceof BOFRecord bof) {
				this.substreams.push(bof.getType());
				if (bof.getType() == BOFRecord.TYPE_WORKSHEET && this.substreams.size() == 1) {
					startSheet();
				}
			}
			else if (record instanceof EOFRecord) {
				Integer type = this.substreams.poll();
				if (type != null && type == BOFRecord.TYPE_WORKSHEET && this.substreams.isEmpty() && this.inSheet) {
					endSheet();
				}
			}
			else if (record instanceof SSTRecord sst) {
				this.strings = sst;
			}
			else if (record instanceof DateWindow1904Record window) {
				this.date1904 = window.getWindowing() == 1;
			}
			else if (this.inSheet && this.substreams.size() == 1) {
				cell(record);
			}
		}

		private void cell(org.apache.poi.hssf.record.Record record) {
			if (record instanceof StringRecord text && this.pendingString != null) {
				FormulaRecord formula = this.pendingString;
				this.pendingString = null;
				add(formula, Cell.text(formula.getColumn(), this.limits.cut(text.getString())));
			}
			else if (record instanceof LabelSSTRecord label) {
				if (this.strings != null && label.getSSTIndex() >= 0
						&& label.getSSTIndex() < this.strings.getNumUniqueStrings()) {
					add(label, Cell.text(label.getColumn(),
							this.limits.cut(this.strings.getString(label.getSSTIndex()).getString())));
				}
			}
			else if (record instanceof LabelRecord label) {
				add(label, Cell.text(label.getColumn(), this.limits.cut(label.getValue())));
			}
			else if (record instanceof NumberRecord number) {
				add(number, number(number, number.getValue()));
			}
			else if (record instanceof RKRecord rk) {
				add(rk, number(rk, rk.getRKNumber()));
			}
			else if (record instanceof BoolErrRecord boolErr) {
				if (boolErr.isBoolean()) {
					add(boolErr, new Cell(boolErr.getColumn(), CellKind.BOOLEAN,
							boolErr.getBooleanValue() ? "TRUE" : "FALSE"));
				}
				else {
					add(boolErr, new Cell(boolErr.getColumn(), CellKind.ERROR, errorText(boolErr.getErrorValue())));
				}
			}
			else if (record instanceof FormulaRecord formula) {
				CellType type = formula.getCachedResultTypeEnum();
				switch (type) {
					case NUMERIC -> add(formula, number(formula, formula.getValue()));
					case STRING -> this.pendingString = formula;
					case BOOLEAN -> add(formula, new Cell(formula.getColumn(), CellKind.BOOLEAN,
							formula.getCachedBooleanValue() ? "TRUE" : "FALSE"));
					case ERROR -> add(formula,
							new Cell(formula.getColumn(), CellKind.ERROR, errorText(formula.getCachedErrorValue())));
					default -> {
					}
				}
			}
		}

		private static String errorText(int code) {
			try {
				return FormulaError.forInt(code).getString();
			}
			catch (IllegalArgumentException ex) {
				return "#N/A";
			}
		}

		private Cell number(CellValueRecordInterface record, double value) {
			int column = record.getColumn();
			if (!Double.isFinite(value)) {
				return new Cell(column, CellKind.ERROR, "#NUM!");
			}
			int formatIndex = this.formats.getFormatIndex(record);
			String format = this.formats.getFormatString(record);
			if (format != null && DateUtil.isADateFormat(formatIndex, format) && DateUtil.isValidExcelDate(value)
					&& value < SheetCells.LAST_EXCEL_DATE) {
				return new Cell(column, CellKind.DATE,
						DateUtil.getLocalDateTime(value, this.date1904).toLocalDate().toString());
			}
			return new Cell(column, CellKind.NUMBER, Cell.plainDecimal(new BigDecimal(Double.toString(value))));
		}

		private void add(CellValueRecordInterface record, Cell cell) {
			if (cell.column() >= this.limits.maxColumns() || cell.text().isBlank()) {
				return;
			}
			int row = record.getRow();
			if (row != this.rowIndex) {
				flushRow();
				this.rowIndex = row;
				if (++this.rowsRead > this.limits.maxRowsPerSheet()) {
					throw RejectionReason.SHEET_TOO_MANY_ROWS.rejection(this.limits.maxRowsPerSheet());
				}
			}
			this.cells.add(cell);
		}

		private void flushRow() {
			if (this.rowIndex >= 0 && !this.cells.isEmpty()) {
				this.cells.sort(java.util.Comparator.comparingInt(Cell::column));
				this.sink.row(new Row(this.rowIndex + 1, this.cells));
			}
			this.cells = new ArrayList<>();
			this.rowIndex = -1;
		}

		private void startSheet() {
			this.sheetIndex++;
			String name = (this.sheetIndex < this.sheetNames.size()) ? this.sheetNames.get(this.sheetIndex)
					: "Sheet" + (this.sheetIndex + 1);
			this.sink.startSheet(name);
			this.inSheet = true;
			this.rowsRead = 0;
			this.rowIndex = -1;
			this.pendingString = null;
		}

		private void endSheet() {
			flushRow();
			this.sink.endSheet();
			this.inSheet = false;
		}

		void finish() {
			if (this.inSheet) {
				endSheet();
			}
		}

	}

}
