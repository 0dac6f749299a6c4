package org.huizong.intake;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Reads a legacy {@code .xls} (BIFF8) workbook. The format caps a sheet at 65,536 rows
 * and 256 columns, which bounds what it costs. Formula cells give their cached result;
 * nothing is evaluated.
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
		try (POIFSFileSystem fs = new POIFSFileSystem(this.file.toFile(), true);
				HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), false)) {
			boolean date1904 = workbook.getInternalWorkbook().isUsing1904DateWindowing();
			for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
				Sheet sheet = workbook.getSheetAt(s);
				sink.startSheet(workbook.getSheetName(s));
				for (org.apache.poi.ss.usermodel.Row row : sheet) {
					if (row.getRowNum() >= this.limits.maxRowsPerSheet()) {
						throw new RejectedFileException("file.too-many-rows",
								"工作表行数超过上限 " + this.limits.maxRowsPerSheet() + "，请拆分后重新报送");
					}
					List<Cell> cells = new ArrayList<>();
					for (org.apache.poi.ss.usermodel.Cell cell : row) {
						if (cell.getColumnIndex() < this.limits.maxColumns()) {
							Cell read = cell(cell, date1904, this.limits);
							if (read != null && !read.text().isBlank()) {
								cells.add(read);
							}
						}
					}
					sink.row(new Row(row.getRowNum() + 1, cells));
				}
				sink.endSheet();
			}
		}
		catch (EncryptedDocumentException ex) {
			throw new RejectedFileException("file.encrypted", "加密文件：工作簿设有打开密码，请取消密码后重新报送", ex);
		}
	}

	private static Cell cell(org.apache.poi.ss.usermodel.Cell cell, boolean date1904, ReadLimits limits) {
		int column = cell.getColumnIndex();
		CellType type = cell.getCellType();
		if (type == CellType.FORMULA) {
			type = cell.getCachedFormulaResultType();
		}
		return switch (type) {
			case STRING -> Cell.text(column, limits.cut(cell.getRichStringCellValue().getString()));
			case NUMERIC -> {
				double value = cell.getNumericCellValue();
				if (!Double.isFinite(value)) {
					yield new Cell(column, CellKind.ERROR, "#NUM!");
				}
				if (DateUtil.isCellDateFormatted(cell) && DateUtil.isValidExcelDate(value)) {
					yield new Cell(column, CellKind.DATE,
							DateUtil.getLocalDateTime(value, date1904).toLocalDate().toString());
				}
				yield new Cell(column, CellKind.NUMBER, XlsxRowReader.plain(new BigDecimal(Double.toString(value))));
			}
			case BOOLEAN -> new Cell(column, CellKind.BOOLEAN, cell.getBooleanCellValue() ? "TRUE" : "FALSE");
			case ERROR -> new Cell(column, CellKind.ERROR, FormulaError.forInt(cell.getErrorCellValue()).getString());
			default -> null;
		};
	}

}
