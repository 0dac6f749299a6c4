package org.huizong.report;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Native Excel charts over a table of the sheet: categories down its first column, a
 * series a column, titled by the header row. Every series has a fill (or a line) of its
 * own: LibreOffice draws a series without one invisible.
 */
final class Charts {

	private static final PresetColor[] COLORS = { PresetColor.STEEL_BLUE, PresetColor.DARK_ORANGE,
			PresetColor.SEA_GREEN, PresetColor.FIREBRICK };

	/** A table of the sheet: its header row, its rows, its series columns. */
	record Table(int header, int first, int last, int firstSeries, int series) {
	}

	private Charts() {
	}

	/** Columns of bars, one a category. */
	static void bars(XSSFSheet sheet, String title, Table table, int top, int width) {
		XSSFChart chart = chart(sheet, title, top, width);
		XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR,
				chart.createCategoryAxis(AxisPosition.BOTTOM), values(chart));
		data.setBarDirection(BarDirection.COL);
		for (int s = 0; s < table.series(); s++) {
			XDDFChartData.Series series = add(sheet, data, table, s);
			series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(COLORS[s % COLORS.length])));
		}
		chart.plot(data);
	}

	/** Lines over the categories (months), with markers. */
	static void lines(XSSFSheet sheet, String title, Table table, int top, int width) {
		XSSFChart chart = chart(sheet, title, top, width);
		XDDFCategoryAxis months = chart.createCategoryAxis(AxisPosition.BOTTOM);
		XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, months, values(chart));
		for (int s = 0; s < table.series(); s++) {
			XDDFLineChartData.Series series = (XDDFLineChartData.Series) add(sheet, data, table, s);
			series.setMarkerStyle(MarkerStyle.CIRCLE);
			series.setSmooth(false);
			XDDFLineProperties line = new XDDFLineProperties(
					new XDDFSolidFillProperties(XDDFColor.from(COLORS[s % COLORS.length])));
			line.setWidth(2.0);
			series.setLineProperties(line);
		}
		chart.plot(data);
	}

	private static XSSFChart chart(XSSFSheet sheet, String title, int top, int width) {
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, Math.max(8, width), top + 18);
		XSSFChart chart = drawing.createChart(anchor);
		chart.setTitleText(title);
		chart.setTitleOverlay(false);
		chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
		return chart;
	}

	private static XDDFValueAxis values(XSSFChart chart) {
		XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
		values.setCrosses(AxisCrosses.AUTO_ZERO);
		return values;
	}

	private static XDDFChartData.Series add(XSSFSheet sheet, XDDFChartData data, Table table, int s) {
		XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(sheet,
				new CellRangeAddress(table.first(), table.last(), 0, 0));
		int column = table.firstSeries() + s;
		XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
				new CellRangeAddress(table.first(), table.last(), column, column));
		XDDFChartData.Series series = data.addSeries(categories, values);
		series.setTitle(sheet.getRow(table.header()).getCell(column).getStringCellValue(),
				new CellReference(sheet.getSheetName(), table.header(), column, true, true));
		return series;
	}

}
